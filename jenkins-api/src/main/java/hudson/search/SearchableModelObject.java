package hudson.search;

public interface SearchableModelObject extends hudson.model.ModelObject, hudson.search.SearchItem {
}
