package io.mlconnector.sandbox.servicenow;

import static org.assertj.core.api.Assertions.assertThat;

import io.mlconnector.sandbox.servicenow.query.Condition;
import io.mlconnector.sandbox.servicenow.query.EncodedQuery;
import io.mlconnector.sandbox.servicenow.query.EncodedQueryParser;
import io.mlconnector.sandbox.servicenow.query.Operator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EncodedQueryParserTest {
  private static final Set<String> NUMERIC = Set.of("qty");
  private static final List<Map<String, String>> ROWS =
      List.of(
          Map.of("id", "a", "name", "Alpha", "qty", "9", "on", "2024-01-01 10:00:00", "note", ""),
          Map.of("id", "b", "name", "Beta", "qty", "10", "on", "2024-01-01 10:00:01", "note", "x"),
          Map.of("id", "c", "name", "Gamma", "qty", "2", "on", "2024-01-01 10:00:01", "note", ""));

  private static List<String> ids(String query) {
    EncodedQuery q = EncodedQueryParser.parse(query);
    return ROWS.stream()
        .filter(q.filter(NUMERIC))
        .sorted(q.comparator(NUMERIC))
        .map(r -> r.get("id"))
        .toList();
  }

  @Test
  void everyOperatorParsesToItsCondition() {
    assertThat(EncodedQueryParser.parse("name=x").blocks().get(0).get(0).get(0))
        .isEqualTo(new Condition("name", Operator.EQUALS, "x"));
    assertThat(ids("name!=Alpha")).containsExactly("b", "c");
    assertThat(ids("qty>9")).containsExactly("b");
    assertThat(ids("qty>=9")).containsExactly("a", "b");
    assertThat(ids("qty<9")).containsExactly("c");
    assertThat(ids("qty<=9")).containsExactly("a", "c");
    assertThat(ids("nameINAlpha,Gamma")).containsExactly("a", "c");
    assertThat(ids("nameNOT INAlpha,Gamma")).containsExactly("b");
    // An empty member matches an empty column, as a list ending in a comma does.
    assertThat(ids("noteINx,")).containsExactly("a", "b", "c");
    assertThat(ids("noteNOT INx,")).isEmpty();
    assertThat(ids("nameSTARTSWITHGa")).containsExactly("c");
    assertThat(ids("nameENDSWITHta")).containsExactly("b");
    assertThat(ids("nameLIKEmm")).containsExactly("c");
    assertThat(ids("noteISEMPTY")).containsExactly("a", "c");
    assertThat(ids("noteISNOTEMPTY")).containsExactly("b");
  }

  @Test
  void valuesAndOperatorsAreCaseSensitive() {
    assertThat(ids("name=alpha")).isEmpty();
    assertThat(ids("nameLIKEALPHA")).isEmpty();
  }

  @Test
  void andOrAndNewQueryCombine() {
    assertThat(ids("name=Alpha^ORname=Beta")).containsExactly("a", "b");
    assertThat(ids("qty>5^name=Beta")).containsExactly("b");
    assertThat(ids("name=Alpha^NQqty<5")).containsExactly("a", "c");
    // ^OR binds to the previous term only: (Alpha OR Beta) AND note empty.
    assertThat(ids("name=Alpha^ORname=Beta^noteISEMPTY")).containsExactly("a");
  }

  @Test
  void dateTimesCompareLexicographicallyAndOrderByChains() {
    assertThat(ids("on>2024-01-01 10:00:00")).containsExactly("b", "c");
    assertThat(ids("ORDERBYon^ORDERBYDESCid")).containsExactly("a", "c", "b");
    assertThat(ids("ORDERBYDESCqty")).containsExactly("b", "a", "c");
  }

  @Test
  void keysetPagingQueryResumesAfterTheLastSeenRow() {
    String afterB = "on>2024-01-01 10:00:01^NQon=2024-01-01 10:00:01^id>b^ORDERBYon^ORDERBYid";
    assertThat(ids(afterB)).containsExactly("c");
  }

  @Test
  void dateGenerateIsUnderstood() {
    assertThat(ids("on>=javascript:gs.dateGenerate('2024-01-01','10:00:01')"))
        .containsExactly("b", "c");
  }

  @Test
  void unparsableTermsAndUnknownFieldsAreCountedAndDropped() {
    EncodedQuery q = EncodedQueryParser.parse("garbage^name=Alpha^bogus=1^ORDERBYnope");
    assertThat(q.invalidTerms()).isEqualTo(1);
    EncodedQuery known = q.restrictTo(Set.of("name"));
    assertThat(known.invalidTerms()).isEqualTo(3);
    assertThat(ROWS.stream().filter(known.filter(NUMERIC)).count()).isEqualTo(1);
  }

  @Test
  void emptyQueryMatchesEverythingInStoredOrder() {
    assertThat(ids("")).containsExactly("a", "b", "c");
    assertThat(ids(null)).containsExactly("a", "b", "c");
  }
}
