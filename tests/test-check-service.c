/* test-check-service.c — the checks of format 1.1, CX012–CX021
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * For each check: plans that trigger it with its exact message, near
 * misses that must not, every threshold, and `disable`; and where two
 * checks meet (CX006 against CX012). Line numbers as in
 * cx-test-check-util.h: a step on line 3 + k + p; personas and lanes on
 * line 2.
 */

#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include <string.h>

#include "cx-test-check-util.h"

#define OWNER(name) " owner=\"" name "\""
#define ASSUMED " evidence=\"assumed\""
#define CELL(lane, text) "<cell lane=\"" lane "\">" text "</cell>"
#define FAIL_TO(id, s, o, d, to) \
  "<failure id=\"" id "\" severity=\"" #s "\" occurrence=\"" #o "\" detection=\"" #d "\"" \
  " leads-to=\"" to "\"><mode>Mode " id "</mode></failure>"

/* Every persona's mood differs: p −1, q 0, u −3, s none */
#define MOODS \
  "<personas><persona id=\"p\" mood=\"-1\"><name>P</name></persona>" \
  "<persona id=\"q\" mood=\"0\"><name>Q</name></persona>" \
  "<persona id=\"u\" mood=\"-3\"><name>U</name></persona>" \
  "<persona id=\"s\"><name>S</name></persona></personas>"

#define BLUEPRINT_LANES \
  "<lanes><lane id=\"front\" kind=\"frontstage\"><name>F</name></lane>" \
  "<lane id=\"back\" kind=\"backstage\"><name>B</name></lane>" \
  "<lane id=\"sup\" kind=\"support\"><name>S</name></lane>" \
  "<lane id=\"notes\" kind=\"notes\"><name>N</name></lane></lanes>"
#define FRONT_ONLY_LANES \
  "<lanes><lane id=\"front\" kind=\"frontstage\"><name>F</name></lane>" \
  "<lane id=\"notes\" kind=\"notes\"><name>N</name></lane></lanes>"

/* What the interplay cases leave out, to compare every other finding */
#define QUIET DISABLE ("CX004") DISABLE ("CX005") DISABLE ("CX010")

static const CheckCase cases[] = {
  /* CX012 peak-end */
  { "/checks/CX012/trigger", "CX012", NULL, {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", EMO (1)) },
    { { "CX012", 5, "a", NULL, WARN,
        "the low at 'Step a' (emotion -3) outweighs the end at 'Step b' (emotion 1): "
        "customers remember the most intense moment and the end" } } },
  { "/checks/CX012/across-phases", "CX012", NULL, {
      BEFORE = STEP ("a", "", EMO (0)),
      DURING = STEP ("b", "", EMO (-2)) STEP ("c", "", ""),
      AFTER = STEP ("d", "", EMO (1)) },
    { { "CX012", 6, "b", NULL, WARN } } },
  { "/checks/CX012/mean-zero", "CX012", NULL, {
      DURING = STEP ("a", "", EMO (-2)) STEP ("b", "", EMO (2)) },
    { { NULL } } },
  { "/checks/CX012/one-emotion", "CX012", NULL, {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", "") },
    { { NULL } } },
  /* Ties for the peak: the most negative, then the earliest */
  { "/checks/CX012/tie-most-negative", "CX012", NULL, {
      DURING = STEP ("a", "", EMO (3)) STEP ("b", "", EMO (-3)) STEP ("c", "", EMO (0)) },
    { { "CX012", 6, "b", NULL, WARN,
        "the low at 'Step b' (emotion -3) outweighs the end at 'Step c' (emotion 0): "
        "customers remember the most intense moment and the end" } } },
  { "/checks/CX012/tie-earliest", "CX012", NULL, {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", EMO (-3)) STEP ("c", "", EMO (1)) },
    { { "CX012", 5, "a", NULL, WARN } } },
  /* The recovery phase is not part of the main journey */
  { "/checks/CX012/recovery-not-counted", "CX012", NULL, {
      DURING = STEP ("a", "", EMO (-1)) STEP ("b", "", EMO (1)),
      RECOVERY = STEP ("r", "", EMO (-3)) },
    { { NULL } } },
  { "/checks/CX012/disabled", "CX012", SETTINGS (DISABLE ("CX012")), {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", EMO (1)) },
    { { NULL } } },
  /* CX006 and CX012 never flag one journey together: an end below 0 is
   * CX006's, an end at 0 or above CX012's */
  { "/checks/CX012/against-CX006-negative-end", NULL, SETTINGS (QUIET), {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", EMO (-1)) },
    { { "CX006", 6, "b", NULL, WARN } } },
  { "/checks/CX012/against-CX006-neutral-end", NULL, SETTINGS (QUIET), {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", EMO (0)) },
    { { "CX012", 5, "a", NULL, WARN } } },

  /* CX013 moment-of-truth-shortfall */
  { "/checks/CX013/trigger", "CX013", NULL, {
      DURING = STEP ("a", MOT, LEVELS (4, 3)) STEP ("b", MOT, LEVELS (4, 4))
               STEP ("c", MOT, EXP (5)) STEP ("d", "", LEVELS (5, 1)),
      RECOVERY = STEP ("r", MOT, LEVELS (5, 1)) },
    { { "CX013", 5, "a", NULL, WARN,
        "moment of truth 'Step a' delivers level 3 where 4 is expected" },
      { "CX013", 11, "r", NULL, WARN,
        "moment of truth 'Step r' delivers level 1 where 5 is expected" } } },
  { "/checks/CX013/disabled", "CX013", SETTINGS (DISABLE ("CX013")), {
      DURING = STEP ("a", MOT, LEVELS (4, 3)) },
    { { NULL } } },

  /* CX014 assumed-moment */
  { "/checks/CX014/trigger", "CX014", NULL, {
      DURING = STEP ("a", MOT ASSUMED, "") STEP ("b", WOW ASSUMED, "")
               STEP ("c", WOW MOT ASSUMED, "") STEP ("d", ASSUMED, "")
               STEP ("e", MOT " evidence=\"observed\"", "")
               STEP ("f", WOW " evidence=\"proposed\"", "") STEP ("g", MOT, ""),
      RECOVERY = STEP ("r", MOT ASSUMED, "") },
    { { "CX014", 5, "a", NULL, INFO,
        "moment of truth 'Step a' rests on an assumption: nobody has seen it in research" },
      { "CX014", 6, "b", NULL, INFO,
        "wow moment 'Step b' rests on an assumption: nobody has seen it in research" },
      { "CX014", 7, "c", NULL, INFO,
        "wow moment and moment of truth 'Step c' rests on an assumption: nobody has seen "
        "it in research" },
      { "CX014", 14, "r", NULL, INFO } } },
  { "/checks/CX014/disabled", "CX014", SETTINGS (DISABLE ("CX014")), {
      DURING = STEP ("a", MOT ASSUMED, "") },
    { { NULL } } },

  /* CX015 hand-off-drop */
  { "/checks/CX015/trigger", "CX015", NULL, {
      DURING = STEP ("a", OWNER ("Sales"), DEL (4)) STEP ("b", OWNER ("Billing"), DEL (2)) },
    { { "CX015", 6, "b", NULL, WARN,
        "delivery drops at the hand-off from 'Sales' to 'Billing': 'Step a' delivers level 4, "
        "then 'Step b' delivers 2" } } },
  /* Journey order runs across phases and across personas */
  { "/checks/CX015/across-phases-and-personas", "CX015", NULL, {
      BEFORE = STEP ("a", OWNER ("X") " persona=\"p\"", DEL (5)),
      DURING = STEP ("b", OWNER ("Y") " persona=\"q\"", DEL (3)) },
    { { "CX015", 6, "b", NULL, WARN } } },
  /* Owners compared trimmed and case folded (ß folds to ss); a drop of
   * 1; a step without a level breaks the pair; one without an owner */
  { "/checks/CX015/near-miss", "CX015", NULL, {
      DURING = STEP ("a", OWNER (" Sales "), DEL (5)) STEP ("b", OWNER ("sales"), DEL (1))
               STEP ("c", OWNER ("Straße"), DEL (5)) STEP ("d", OWNER ("STRASSE"), DEL (1))
               STEP ("e", OWNER ("X"), DEL (5)) STEP ("f", OWNER ("Y"), DEL (4))
               STEP ("g", OWNER ("X"), DEL (5)) STEP ("h", OWNER ("Y"), EXP (4))
               STEP ("i", OWNER ("Z"), DEL (1)) STEP ("j", "", DEL (5))
               STEP ("k", OWNER ("Z"), DEL (1)),
      RECOVERY = STEP ("r", OWNER ("Other"), DEL (1)) },
    { { NULL } } },
  { "/checks/CX015/threshold-1", "CX015", SETTINGS (THRESHOLD ("hand-off-drop", 1)), {
      DURING = STEP ("a", OWNER ("X"), DEL (5)) STEP ("b", OWNER ("Y"), DEL (4)) },
    { { "CX015", 6, "b", NULL, WARN } } },
  { "/checks/CX015/threshold-3", "CX015", SETTINGS (THRESHOLD ("hand-off-drop", 3)), {
      DURING = STEP ("a", OWNER ("X"), DEL (5)) STEP ("b", OWNER ("Y"), DEL (3))
               STEP ("c", OWNER ("X"), DEL (5)) STEP ("d", OWNER ("Y"), DEL (2)) },
    { { "CX015", 8, "d", NULL, WARN } } },
  { "/checks/CX015/disabled", "CX015", SETTINGS (DISABLE ("CX015")), {
      DURING = STEP ("a", OWNER ("X"), DEL (5)) STEP ("b", OWNER ("Y"), DEL (1)) },
    { { NULL } } },

  /* CX016 unanswered-leads-to */
  { "/checks/CX016/trigger", "CX016", NULL, {
      DURING = STEP ("a", "", FAIL_TO ("f", 2, 2, 2, "r") FAIL_TO ("g", 2, 2, 2, "s")),
      RECOVERY = STEP ("r", " recovers=\"\"", "") STEP ("s", " recovers=\"x g\"", "") },
    { { "CX016", 5, "a", "f", WARN,
        "failure 'Mode f' leads to recovery step 'Step r', which does not list it among the "
        "failures it recovers" } } },
  /* Answered; leading to a main-journey step; to nothing (CX008's); to a
   * failure (CX008's) */
  { "/checks/CX016/near-miss", "CX016", NULL, {
      DURING = STEP ("a", "", FAIL_TO ("f", 2, 2, 2, "r") FAIL_TO ("g", 2, 2, 2, "b")
                              FAIL_TO ("h", 2, 2, 2, "ghost") FAIL_TO ("i", 2, 2, 2, "f"))
               STEP ("b", "", ""),
      RECOVERY = STEP ("r", " recovers=\"f\"", "") },
    { { NULL } } },
  { "/checks/CX016/disabled", "CX016", SETTINGS (DISABLE ("CX016")), {
      DURING = STEP ("a", "", FAIL_TO ("f", 2, 2, 2, "r")),
      RECOVERY = STEP ("r", "", "") },
    { { NULL } } },

  /* CX017 double-deviation */
  { "/checks/CX017/trigger", "CX017", NULL, {
      DURING = STEP ("a", "", FAIL ("f", 2, 2, 2)),
      RECOVERY = STEP ("r", " recovers=\"f\"", LEVELS (4, 2))
                 STEP ("s", " recovers=\"f\"", EMO (-1))
                 STEP ("t", " recovers=\"f\"", LEVELS (3, 2) EMO (-2)) },
    { { "CX017", 8, "r", NULL, WARN,
        "recovery step 'Step r' fails again: it delivers level 2 where 4 is expected" },
      { "CX017", 9, "s", NULL, WARN,
        "recovery step 'Step s' fails again: the customer leaves it feeling -1" },
      { "CX017", 10, "t", NULL, WARN,
        "recovery step 'Step t' fails again: it delivers level 2 where 3 is expected, and "
        "the customer leaves it feeling -2" } } },
  /* Nothing recovered; kept; only one level; a main-journey step */
  { "/checks/CX017/near-miss", "CX017", NULL, {
      DURING = STEP ("a", "", LEVELS (4, 1) EMO (-3) FAIL ("f", 2, 2, 2)),
      RECOVERY = STEP ("r", " recovers=\" \"", LEVELS (4, 1))
                 STEP ("s", " recovers=\"f\"", LEVELS (4, 4) EMO (0))
                 STEP ("t", " recovers=\"f\"", DEL (1)) },
    { { NULL } } },
  { "/checks/CX017/disabled", "CX017", SETTINGS (DISABLE ("CX017")), {
      DURING = STEP ("a", "", FAIL ("f", 2, 2, 2)),
      RECOVERY = STEP ("r", " recovers=\"f\"", LEVELS (4, 2)) },
    { { NULL } } },

  /* CX018 silent-failure */
  { "/checks/CX018/trigger", "CX018", NULL, {
      DURING = STEP ("a", "", FAIL ("f", 5, 1, 8) FAIL ("g", 4, 1, 10) FAIL ("h", 9, 1, 7)) },
    { { "CX018", 5, "a", "f", WARN,
        "failure 'Mode f' (severity 5, detection 8) goes unnoticed by the provider: its "
        "recovery waits for a complaint" } } },
  { "/checks/CX018/threshold-7", "CX018", SETTINGS (THRESHOLD ("silent-detection", 7)), {
      DURING = STEP ("a", "", FAIL ("f", 5, 1, 8) FAIL ("g", 4, 1, 10) FAIL ("h", 9, 1, 7)
                              FAIL ("i", 9, 1, 6)) },
    { { "CX018", 5, "a", "f", WARN }, { "CX018", 5, "a", "h", WARN } } },
  { "/checks/CX018/threshold-10", "CX018", SETTINGS (THRESHOLD ("silent-detection", 10)), {
      DURING = STEP ("a", "", FAIL ("f", 5, 1, 9) FAIL ("g", 5, 1, 10)) },
    { { "CX018", 5, "a", "g", WARN } } },
  { "/checks/CX018/disabled", "CX018", SETTINGS (DISABLE ("CX018")), {
      DURING = STEP ("a", "", FAIL ("f", 10, 1, 10)) },
    { { NULL } } },

  /* CX019 upset-arrival: flagged at the persona (line 2), its first step */
  { "/checks/CX019/own-first-step", "CX019", NULL, {
      BEFORE = STEP ("a", " persona=\"p\"", LEVELS (4, 3)),
      DURING = STEP ("b", "", LEVELS (4, 4)) STEP ("c", " persona=\"u\"", LEVELS (5, 1)) },
    { { "CX019", 2, "a", NULL, WARN,
        "'P' arrives upset (mood -1), and the first step, 'Step a', makes it worse: it "
        "delivers level 3 where 4 is expected" } },
    MOODS },
  /* A step without a persona is every persona's: first for p and u; q
   * (mood 0) and s (no mood) are not upset */
  { "/checks/CX019/shared-first-step", "CX019", NULL, {
      BEFORE = STEP ("x", "", LEVELS (3, 1)),
      DURING = STEP ("a", " persona=\"p\"", LEVELS (4, 4)) },
    { { "CX019", 2, "x", NULL, WARN }, { "CX019", 2, "x", NULL, WARN } },
    MOODS },
  /* The first step must have both levels; recovery steps do not count */
  { "/checks/CX019/near-miss", "CX019", NULL, {
      DURING = STEP ("a", "", EXP (4)) STEP ("b", "", LEVELS (4, 1)),
      RECOVERY = STEP ("r", " persona=\"p\"", LEVELS (5, 1)) },
    { { NULL } },
    MOODS },
  { "/checks/CX019/disabled", "CX019", SETTINGS (DISABLE ("CX019")), {
      DURING = STEP ("a", "", LEVELS (4, 1)) },
    { { NULL } },
    MOODS },

  /* CX020 prevent-not-recover, recovered or not */
  { "/checks/CX020/trigger", "CX020", NULL, {
      DURING = STEP ("a", "", FAIL ("f", 9, 2, 1) FAIL ("g", 9, 1, 1) FAIL ("h", 8, 5, 1)),
      RECOVERY = STEP ("r", " recovers=\"f\"", "") },
    { { "CX020", 5, "a", "f", INFO,
        "failure 'Mode f' (severity 9, occurrence 2) is too severe for a recovery to mend: "
        "make it rarer" } } },
  { "/checks/CX020/threshold-8", "CX020", SETTINGS (THRESHOLD ("prevent-severity", 8)), {
      DURING = STEP ("a", "", FAIL ("f", 9, 2, 1) FAIL ("g", 9, 1, 1) FAIL ("h", 8, 5, 1)
                              FAIL ("i", 7, 9, 1)) },
    { { "CX020", 5, "a", "f", INFO }, { "CX020", 5, "a", "h", INFO } } },
  { "/checks/CX020/threshold-10", "CX020", SETTINGS (THRESHOLD ("prevent-severity", 10)), {
      DURING = STEP ("a", "", FAIL ("f", 9, 9, 1) FAIL ("g", 10, 2, 1)) },
    { { "CX020", 5, "a", "g", INFO } } },
  { "/checks/CX020/disabled", "CX020", SETTINGS (DISABLE ("CX020")), {
      DURING = STEP ("a", "", FAIL ("f", 10, 10, 1)) },
    { { NULL } } },

  /* CX021 blueprint-gap */
  { "/checks/CX021/trigger", "CX021", NULL, {
      DURING = STEP ("a", "", CELL ("front", "Greets"))
               STEP ("b", "", CELL ("front", "Greets") CELL ("back", "Looks up"))
               STEP ("c", "", CELL ("front", "Greets") CELL ("sup", "CRM"))
               STEP ("d", "", CELL ("front", "Greets") CELL ("back", "  "))
               STEP ("e", "", CELL ("front", " ") CELL ("notes", "x"))
               STEP ("f", "", CELL ("notes", "x")),
      RECOVERY = STEP ("r", "", CELL ("front", "Apologises")) },
    { { "CX021", 5, "a", NULL, INFO,
        "step 'Step a' shows the customer something frontstage with nothing behind it in a "
        "backstage or support lane" },
      { "CX021", 8, "d", NULL, INFO } },
    NULL, BLUEPRINT_LANES },
  /* Only when the plan has a backstage or support lane at all */
  { "/checks/CX021/no-backstage-lane", "CX021", NULL, {
      DURING = STEP ("a", "", CELL ("front", "Greets")) },
    { { NULL } },
    NULL, FRONT_ONLY_LANES },
  { "/checks/CX021/disabled", "CX021", SETTINGS (DISABLE ("CX021")), {
      DURING = STEP ("a", "", CELL ("front", "Greets")) },
    { { NULL } },
    NULL, BLUEPRINT_LANES },
};

/* CX019's finding points at the persona, with its first step */
static void
test_persona_target (void)
{
  const char *phases[CX_N_PHASES] = {
    [CX_PHASE_DURING] = STEP ("a", " persona=\"u\"", LEVELS (4, 3)),
  };
  g_autofree char *xml = make_plan_full (SETTINGS (QUIET), MOODS, NULL, phases);
  g_autoptr(CxPlan) plan = read_plan (xml);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);
  CxFinding *f;

  dump_findings (findings);
  g_assert_cmpuint (findings->len, ==, 1);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->check, ==, CX_CHECK_UPSET_ARRIVAL);
  g_assert_cmpint (f->target, ==, CX_TARGET_PERSONA);
  g_assert_cmpstr (f->persona_id, ==, "u");
  g_assert_cmpstr (f->step_id, ==, "a");
  g_assert_null (f->failure_id);
  g_assert_cmpint (f->phase, ==, CX_PHASE_DURING);
  g_assert_cmpuint (f->line, ==, 2);
}

/* A persona comes before the phases in the file, and so do its findings:
 * a plan built by the model, personas added last, gives them first */
static void
test_persona_order (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxStep) step = cx_step_new ("first");
  g_autoptr(CxPersona) persona = cx_persona_new ("upset");
  g_autoptr(GPtrArray) findings = NULL;
  CxFinding *f;

  cx_step_set_title (step, "First");
  cx_step_set_expected_level (step, 4);
  cx_step_set_delivered_level (step, 2);
  cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, step);
  cx_persona_set_name (persona, "Upset");
  cx_persona_set_mood (persona, -2);
  cx_plan_add_persona (plan, persona);

  findings = cx_check_plan (plan);
  dump_findings (findings);
  assert_ordered (findings);
  f = g_ptr_array_index (findings, 0);
  g_assert_cmpint (f->check, ==, CX_CHECK_UPSET_ARRIVAL);
  g_assert_cmpuint (f->line, ==, 0);
  g_assert_cmpstr (f->message, ==,
                   "'Upset' arrives upset (mood -2), and the first step, 'First', makes it "
                   "worse: it delivers level 2 where 4 is expected");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], cx_test_check_case);

  g_test_add_func ("/checks/CX019/target", test_persona_target);
  g_test_add_func ("/checks/CX019/order", test_persona_order);

  return g_test_run ();
}
