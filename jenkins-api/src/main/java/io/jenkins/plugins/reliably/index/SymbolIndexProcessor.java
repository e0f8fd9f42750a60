package io.jenkins.plugins.reliably.index;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.annotation.processing.SupportedAnnotationTypes;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/annotations/org.jenkinsci.Symbol}: the binary name of every class that
 * carries (or declares a member carrying) {@code @Symbol}, one per line. That is what
 * annotation-indexer's processor writes for an {@code @Indexed} annotation and what structs'
 * {@code SymbolLookup} reads; annotation-indexer is not on Maven Central, so our build does it.
 * (annotation-indexer 1.18 writes under {@code META-INF/services/annotations/}; its {@code Index}
 * reads both prefixes.)
 */
@SupportedAnnotationTypes(SymbolIndexProcessor.SYMBOL)
public final class SymbolIndexProcessor extends AbstractProcessor {

    static final String SYMBOL = "org.jenkinsci.Symbol";
    static final String INDEX = "META-INF/annotations/" + SYMBOL;

    private final Set<String> classes = new TreeSet<>();

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        TypeElement symbol = processingEnv.getElementUtils().getTypeElement(SYMBOL);
        if (symbol != null) {
            for (Element element : round.getElementsAnnotatedWith(symbol)) {
                classes.add(binaryName(element));
            }
        }
        if (round.processingOver() && !classes.isEmpty()) {
            write();
        }
        return false;
    }

    private String binaryName(Element element) {
        if (element instanceof PackageElement pkg) {
            return pkg.getQualifiedName() + ".*";
        }
        Element type = element;
        while (!(type instanceof TypeElement)) {
            type = type.getEnclosingElement();
        }
        return processingEnv.getElementUtils().getBinaryName((TypeElement) type).toString();
    }

    private void write() {
        try {
            FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
            try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
                for (String name : classes) {
                    out.write(name);
                    out.write('\n');
                }
            }
        } catch (IOException e) {
            processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, "cannot write " + INDEX + ": " + e.getMessage());
        }
    }
}
