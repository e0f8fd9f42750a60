package hudson.model;

public interface ItemGroup<T extends Item> extends hudson.model.PersistenceRoot, hudson.model.ModelObject {
}
