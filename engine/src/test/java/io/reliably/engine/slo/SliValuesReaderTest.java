package io.reliably.engine.slo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reliably.engine.sli.IndicatorValue;
import org.junit.jupiter.api.Test;

/** The indicator values a gate judges, in each shape users and Keptn produce. */
class SliValuesReaderTest {

    private final SliValuesReader reader = new SliValuesReader();

    @Test
    void shouldReadAListOfKeptnIndicatorValues() throws Exception {
        SliValues values = reader.parse("values.json", """
                [{"metric": "rt", "value": 420.5, "success": true, "message": ""},
                 {"metric": "err", "value": 0, "success": false, "message": "no data"}]
                """);

        assertThat(values.indicators()).containsExactly(IndicatorValue.of("rt", 420.5),
                IndicatorValue.failed("err", "no data"));
        assertThat(values.failure()).isEmpty();
    }

    @Test
    void shouldReadWhatReliablySliPrints() throws Exception {
        SliValues values = reader.parse("values.json", "{\"indicators\": [{\"metric\": \"rt\", \"value\": 1, \"success\": true}]}");

        assertThat(values.indicators()).containsExactly(IndicatorValue.of("rt", 1));
    }

    @Test
    void shouldTakeAValueWithoutSuccessAsSuccessful() throws Exception {
        assertThat(reader.parse("values.yaml", "- {metric: rt, value: 3}\n").indicators())
                .containsExactly(IndicatorValue.of("rt", 3));
    }

    @Test
    void shouldReadKeptnsGetSliFinishedEventWithItsFailureAndWindow() throws Exception {
        SliValues values = reader.parse("event.json", """
                {"type": "sh.keptn.event.get-sli.finished", "id": "x",
                 "data": {"result": "fail", "status": "succeeded", "message": "Data Explorer tile could not be converted",
                   "get-sli": {"start": "2021-11-23T08:13:50Z", "end": "2021-11-23T08:23:50Z",
                     "indicatorValues": [{"metric": "srt", "value": 28.7, "success": true}]}}}
                """);

        assertThat(values.indicators()).containsExactly(IndicatorValue.of("srt", 28.7));
        assertThat(values.failure()).contains("Data Explorer tile could not be converted");
        assertThat(values.timeStart()).isEqualTo("2021-11-23T08:13:50Z");
        assertThat(values.timeEnd()).isEqualTo("2021-11-23T08:23:50Z");
    }

    @Test
    void shouldTakeAnErroredStatusOrAnErrorTextAsAProviderFailure() throws Exception {
        assertThat(reader.parse("v.json", "{\"status\": \"errored\", \"message\": \"timeout\"}").failure())
                .contains("timeout");
        assertThat(reader.parse("v.json", "{\"indicators\": [], \"error\": \"Prometheus unreachable\"}").failure())
                .contains("Prometheus unreachable");
    }

    @Test
    void shouldNameTheFileFieldAndExpectation() {
        assertThatThrownBy(() -> reader.parse("values.json", """
                [{"metric": "rt", "value": "fast"}, {"value": 1}, {"metric": "x", "success": "yes"}, 7]
                """))
                .isInstanceOf(InvalidSloException.class)
                .hasMessage("""
                        values.json: [0].value: expected a number but found the text 'fast'
                        values.json: [1].metric: expected the indicator's name but found nothing
                        values.json: [2].success: expected true or false but found the text 'yes'
                        values.json: [3]: expected {metric, value, success, message} but found number 7""");
        assertThatThrownBy(() -> reader.parse("values.json", "{\"values\": []}"))
                .hasMessage("values.json: indicators: missing; expected a list of indicator values "
                        + "{metric, value, success, message}");
    }
}
