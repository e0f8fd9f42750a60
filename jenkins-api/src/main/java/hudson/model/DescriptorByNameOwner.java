package hudson.model;

public interface DescriptorByNameOwner extends hudson.model.ModelObject {
}
