package org.kohsuke.stapler;

@java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
@java.lang.annotation.Target(java.lang.annotation.ElementType.PARAMETER)
@java.lang.annotation.Documented
public @interface QueryParameter {

    String value() default "";

    boolean required() default false;

    boolean fixEmpty() default false;
}
