package org.webrtcprimer;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The kit's packages in layers that only point down (docs/contributing.md draws them). A class may
 * use its own layer and the layers below; an import from a lower layer to a higher one, or a cycle
 * between packages, fails this test with the classes and lines that do it.
 *
 * <p>Bottom to top:
 * <ol>
 *   <li>Base: {@code notebook} (tables, HTML, rendering — JDK only) and {@code datasets}</li>
 *   <li>Engine: {@code engine}, the one door to libwebrtc</li>
 *   <li>Events: {@code events} (the kit's clock and log), {@code net} (relay, impairments)</li>
 *   <li>Grammar: {@code ice} (candidates), {@code sdp}</li>
 *   <li>Media: {@code media}</li>
 *   <li>Call: {@code call} (peers, data channels, calls)</li>
 *   <li>Timing: {@code timing}, analyses of a call's setup, and {@code wire} (capture, decoders: what the
 *       relay saw, read against the call's SDP), which {@code charts} draws</li>
 *   <li>Charts: {@code charts}</li>
 *   <li>Analyses: {@code stats}, {@code datachannel}, {@code signaling}, {@code browser},
 *       {@code setup}, {@code turn} (coturn; reads a peer's selected path)</li>
 *   <li>Lessons: {@code exercises}, {@code classroom}, {@code teacher}</li>
 *   <li>Tools: {@code tools}, the command-line, benchmark, soak and report code</li>
 *   <li>Facade: the root package, {@code Primer} (the lessons' words) and {@code Main} (the jar's commands)</li>
 * </ol>
 *
 * <p>Layers whose packages are not there yet ({@code net}'s relay, {@code wire}, {@code turn},
 * {@code classroom}) are optional: the rule holds before and after they land.
 */
@AnalyzeClasses(packages = "org.webrtcprimer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String K = "org.webrtcprimer";

    @ArchTest
    static final ArchRule layersOnlyPointDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Base").definedBy(K + ".notebook..", K + ".datasets..")
            .layer("Engine").definedBy(K + ".engine..")
            .layer("Events").definedBy(K + ".events..", K + ".net..")
            .layer("Grammar").definedBy(K + ".ice..", K + ".sdp..")
            .layer("Media").definedBy(K + ".media..")
            .layer("Call").definedBy(K + ".call..")
            .layer("Timing").definedBy(K + ".timing..", K + ".wire..")
            .layer("Charts").definedBy(K + ".charts..")
            .layer("Analyses").definedBy(K + ".stats..", K + ".datachannel..", K + ".signaling..",
                    K + ".browser..", K + ".setup..", K + ".turn..")
            .layer("Lessons").definedBy(K + ".exercises..", K + ".classroom..", K + ".teacher..")
            .layer("Tools").definedBy(K + ".tools..")
            .layer("Facade").definedBy(K)

            .whereLayer("Facade").mayNotBeAccessedByAnyLayer()
            .whereLayer("Tools").mayOnlyBeAccessedByLayers("Facade")
            .whereLayer("Lessons").mayOnlyBeAccessedByLayers("Tools", "Facade")
            .whereLayer("Analyses").mayOnlyBeAccessedByLayers("Lessons", "Tools", "Facade")
            .whereLayer("Charts").mayOnlyBeAccessedByLayers("Analyses", "Lessons", "Tools", "Facade")
            .whereLayer("Timing").mayOnlyBeAccessedByLayers("Charts", "Analyses", "Lessons", "Tools", "Facade")
            .whereLayer("Call").mayOnlyBeAccessedByLayers("Timing", "Charts", "Analyses", "Lessons", "Tools", "Facade")
            .whereLayer("Media").mayOnlyBeAccessedByLayers("Call", "Timing", "Charts", "Analyses", "Lessons", "Tools", "Facade")
            .whereLayer("Grammar").mayOnlyBeAccessedByLayers("Media", "Call", "Timing", "Charts", "Analyses", "Lessons",
                    "Tools", "Facade")
            .whereLayer("Events").mayOnlyBeAccessedByLayers("Grammar", "Media", "Call", "Timing", "Charts", "Analyses",
                    "Lessons", "Tools", "Facade")
            .whereLayer("Engine").mayOnlyBeAccessedByLayers("Events", "Grammar", "Media", "Call", "Timing", "Charts",
                    "Analyses", "Lessons", "Tools", "Facade")
            .as("the kit's layers only point down (Base < Engine < Events, net < Grammar < Media < Call < Timing"
                    + " < Charts < Analyses < Lessons < Tools < Facade)");

    /**
     * The engine behind one door: only {@code engine}, {@code media} and {@code call} see
     * webrtc-java; everything else uses the kit's types ({@code StatsReport}, {@code Track},
     * {@code DataChannel}, {@code Engine.sendCodecs}).
     *
     * <p>No exceptions: the benchmarks' and the soak's baselines, which measure plain webrtc-java
     * beside the kit, live in {@code call.baseline} (they used to be named exceptions in
     * {@code tools}).
     */
    @ArchTest
    static final ArchRule engineBehindOneDoor = noClasses()
            .that().resideOutsideOfPackages(K + ".engine..", K + ".media..", K + ".call..")
            .should().dependOnClassesThat().resideInAPackage("dev.onvoid.webrtc..")
            .as("only engine, media and call import dev.onvoid.webrtc");

    /** Every package says what it is for and what it may use. */
    @ArchTest
    static final ArchRule everyPackageHasItsInfo = com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes()
            .that().resideInAPackage(K + "..").and().resideOutsideOfPackages(K + ".net..", K + ".turn..")
            .should(new com.tngtech.archunit.lang.ArchCondition<com.tngtech.archunit.core.domain.JavaClass>(
                    "be in a package with a package-info.java") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaClass c,
                                  com.tngtech.archunit.lang.ConditionEvents events) {
                    // surefire runs in lib/; javac writes no package-info.class for a comment alone
                    java.nio.file.Path info = java.nio.file.Path.of("src/main/java",
                            c.getPackageName().replace('.', '/'), "package-info.java");
                    if (!java.nio.file.Files.isRegularFile(info)) {
                        events.add(com.tngtech.archunit.lang.SimpleConditionEvent.violated(c,
                                c.getPackageName() + " has no package-info.java saying what it is for (" + c.getName() + ")"));
                    }
                }
            });

    /** Within a layer packages may use each other, but never round in a circle. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching(K + ".(*)..")
            .should().beFreeOfCycles()
            .as("no cycle between the kit's packages");
}
