package hudson.model;

public interface Item extends hudson.model.PersistenceRoot, hudson.search.SearchableModelObject, hudson.security.AccessControlled, jenkins.util.io.OnMaster {

    hudson.security.Permission CONFIGURE = null;

    hudson.security.Permission EXTENDED_READ = null;
}
