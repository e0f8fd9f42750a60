package hudson.util;

public abstract class DelegatingOutputStream extends java.io.OutputStream {

    protected DelegatingOutputStream(java.io.OutputStream out) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void write(int b) throws java.io.IOException {
        throw new UnsupportedOperationException();
    }
}
