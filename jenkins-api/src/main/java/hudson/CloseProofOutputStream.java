package hudson;

public class CloseProofOutputStream extends hudson.util.DelegatingOutputStream {

    public CloseProofOutputStream(java.io.OutputStream out) {
        super(out);
        throw new UnsupportedOperationException();
    }
}
