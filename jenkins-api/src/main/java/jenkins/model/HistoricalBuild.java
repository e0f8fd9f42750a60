package jenkins.model;

public interface HistoricalBuild extends hudson.model.ModelObject {
}
