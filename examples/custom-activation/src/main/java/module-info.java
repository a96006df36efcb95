/**
 * Example third-party activations for Hotcell: {@code isru(alpha)} and {@code bent_identity}. It exports
 * nothing; hosts find {@link org.example.activations.ExampleActivations} as an
 * {@link org.hotcell.core.activation.ActivationFactory} provider (here on the module path, through
 * META-INF/services on the class path and in the OSGi runtime).
 */
module org.example.activations {
    requires org.hotcell.core;
    // Static: the module resolves without the incubator module, and VectorSupport picks the scalar loops.
    requires static jdk.incubator.vector;

    provides org.hotcell.core.activation.ActivationFactory with org.example.activations.ExampleActivations;
}
