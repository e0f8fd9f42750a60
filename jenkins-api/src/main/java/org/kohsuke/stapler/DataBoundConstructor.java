package org.kohsuke.stapler;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.CONSTRUCTOR)
@java.lang.annotation.Documented
public @interface DataBoundConstructor {
}
