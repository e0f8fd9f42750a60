package io.reliably.engine.sli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    @Test
    void shouldSubstituteBothIter8FormsAndLeaveUnknownNamesLiteral() {
        Placeholders placeholders = Placeholders.iter8(Map.of("name", "v1", "elapsedTime", "600"), Map.of());

        assertThat(placeholders.apply("svc='$name' [${elapsedTime}s] $unknown ${other} cost $$5"))
                .isEqualTo("svc='v1' [600s] $unknown ${other} cost $5");
    }

    @Test
    void shouldMatchIter8NamesWholeLikePythonTemplates() {
        Placeholders placeholders = Placeholders.iter8(Map.of("name", "v1"), Map.of());

        assertThat(placeholders.apply("$namespace ${name}space $name.x")).isEqualTo("$namespace v1space v1.x");
    }

    @Test
    void shouldReplaceKeptnNamesLikePrometheusService() {
        KeptnContext keptn = new KeptnContext("sockshop", "dev", "carts", "primary", null,
                Map.of("build-id", "17"), Map.of("handler", "'ItemsController'"));
        QueryWindow window = new QueryWindow(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:10:00.5Z"));
        Placeholders placeholders = Placeholders.keptn(keptn.placeholders(window));

        String query = "rate(x{job='$SERVICE-$PROJECT-$STAGE',d='$DEPLOYMENT',b='$LABEL.build-id',"
                + "h='$handler',H='$HANDLER'}[$DURATION_SECONDS]) $SERVICE_NAME $LABEL.missing $NOPE";

        assertThat(placeholders.apply(query)).isEqualTo("rate(x{job='carts-sockshop-dev',d='primary',b='17',"
                + "h='ItemsController',H='ItemsController'}[601s]) carts_NAME $LABEL.missing $NOPE");
    }

    @Test
    void shouldGiveTheWindowInSeveralFormsAndLetFiltersWin() {
        KeptnContext keptn = new KeptnContext(null, null, "carts", null, null, Map.of(), Map.of("service", "orders"));
        QueryWindow window = new QueryWindow(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:10:00Z"));
        Placeholders placeholders = Placeholders.keptn(keptn.placeholders(window));

        assertThat(placeholders.apply("$START $END $START_UNIX $END_UNIX $START_UNIX_MS $END_UNIX_MS $SERVICE $PROJECT"))
                .isEqualTo("2024-01-01T00:00:00Z 2024-01-01T00:10:00Z 1704067200 1704067800 1704067200000 "
                        + "1704067800000 orders $PROJECT");
    }

    @Test
    void shouldNeverScanInsertedValuesAgain() {
        Placeholders placeholders = Placeholders.iter8(Map.of("name", "$elapsedTime"), Map.of("QUERY", "up{a=\"$name\"}"));

        assertThat(placeholders.apply("$name $QUERY")).isEqualTo("$elapsedTime up{a=\"$name\"}");
    }

    @Test
    void shouldKeepKeptnQueriesFreeOfIter8Escapes() {
        Placeholders placeholders = Placeholders.keptn(Map.of("SERVICE", "carts"));

        assertThat(placeholders.apply("$$SERVICE ${SERVICE}")).isEqualTo("$carts ${SERVICE}");
    }
}
