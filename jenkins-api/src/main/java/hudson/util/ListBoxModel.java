package hudson.util;

public class ListBoxModel extends java.util.ArrayList<hudson.util.ListBoxModel.Option> implements org.kohsuke.stapler.HttpResponse {

    public ListBoxModel() {
        throw new UnsupportedOperationException();
    }

    public static final class Option {

        private Option() {
            throw new UnsupportedOperationException();
        }
    }
}
