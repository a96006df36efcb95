package org.hotcell.runtime.osgi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.hotcell.core.registry.Registry;
import org.hotcell.runtime.osgi.SystemPackages.Export;
import org.junit.jupiter.api.Test;

/** The system bundle's core packages come from hotcell-core's manifest, so none can be forgotten. */
class SystemPackagesTest {

    @Test
    void theCorePackagesAreCoresExportPackageHeaderWithItsVersions() throws Exception {
        String header = coreManifest().getMainAttributes().getValue("Export-Package");
        // bnd writes one package per clause, its version quoted; the quoted uses:="..." lists hold no ';version='.
        Matcher clause = Pattern.compile("(?:^|,)([\\w.]+);version=\"([^\"]+)\"").matcher(header);
        List<String> expected = new ArrayList<>();
        while (clause.find()) {
            expected.add(clause.group(1) + ";version=" + clause.group(2));
        }
        assertThat(expected).hasSizeGreaterThanOrEqualTo(5);
        assertThat(SystemPackages.core()).extracting(Export::clause).containsExactlyElementsOf(expected);
    }

    @Test
    void theCorePackagesAreEveryPackageTheCoreModuleExports() throws Exception {
        ModuleDescriptor core = coreModule().descriptor();
        assertThat(core.name()).isEqualTo("org.hotcell.core");
        assertThat(SystemPackages.core()).extracting(Export::name)
                .containsExactlyInAnyOrderElementsOf(core.exports().stream().map(e -> e.source()).toList())
                .contains("org.hotcell.core.activation", "org.hotcell.core.registry");
        assertThat(SystemPackages.core()).allSatisfy(e -> assertThat(e.version()).matches("\\d+\\.\\d+\\.\\d+.*"));
    }

    @Test
    void theExtraPackagesAreCoreThenSlf4jThenTheVectorApi() {
        String extra = SystemPackages.extra();
        List<String> core = SystemPackages.core().stream().map(Export::clause).toList();
        assertThat(extra).startsWith(String.join(",", core) + ",org.slf4j;version=2.")
                .contains(",org.slf4j.spi;version=2.").endsWith("," + SystemPackages.VECTOR);
    }

    @Test
    void clausesMayShareAttributesAndDirectivesMayQuoteCommas() {
        String header = "a.b;version=\"1.2.3\";uses:=\"x.y,z\", c.d;e.f;version=2.0;mandatory:=\"k\",\n g.h,"
                + "i.j;version:Version=\"3.1\";x-note=\"p;q,r\"";
        assertThat(SystemPackages.parseExportPackage(header)).containsExactly(new Export("a.b", "1.2.3"),
                new Export("c.d", "2.0"), new Export("e.f", "2.0"), new Export("g.h", null),
                new Export("i.j", "3.1"));
        assertThat(new Export("g.h", null).clause()).isEqualTo("g.h");
        assertThat(new Export("a.b", "1.2.3").clause()).isEqualTo("a.b;version=1.2.3");
    }

    /** Where hotcell-core's classes are: its jar, or its class directory in a reactor build. */
    private static ModuleReference coreModule() throws Exception {
        Path location = Path.of(Registry.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        return ModuleFinder.of(location).findAll().iterator().next();
    }

    /** Read through the module system, not the way SystemPackages reads it. */
    private static Manifest coreManifest() throws Exception {
        try (ModuleReader reader = coreModule().open();
             InputStream in = reader.open("META-INF/MANIFEST.MF").orElseThrow()) {
            return new Manifest(in);
        }
    }
}
