/* test-checks.c — the check engine against checks.md
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case is a small plan and the exact findings it must produce. The
 * plan is made by make_plan(), which puts everything before the phases on
 * lines 1–2 and each phase's opening tag on a line of its own, so that a
 * step written on one line sits on line 3 + k + p, k counting steps from 1
 * over the whole plan and p the index of its phase (before 0 … recovery 3);
 * the phases open on lines 3, 4 + nb, 5 + nb + nd and 6 + nb + nd + na.
 */

#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include <string.h>

#include "cx-check.h"
#include "cx-enum-types.h"
#include "cx-plan-io.h"
#include "cx-test-check-util.h"

static const CheckCase cases[] = {
  /* CX001 unsustainable-wow */
  { "/checks/CX001/message", "CX001", NULL, {
      DURING = TITLED ("welcome", "Greeted by name at the door", WOW, DEL (5))
               TITLED ("browse", "Find the jerseys", "", DEL (4))
               TITLED ("pay", "Pay at the till", "", DEL (2))
               TITLED ("restroom", "Ask for the restroom", "", DEL (1)) },
    { { "CX001", 5, "welcome", NULL, WARN,
        "wow moment 'Greeted by name at the door' (level 5) sets a bar that 2 later steps "
        "miss: 'Pay at the till' (2), 'Ask for the restroom' (1)" } } },
  { "/checks/CX001/singular-at-threshold", "CX001", NULL, {
      DURING = STEP ("w", WOW, DEL (5)) STEP ("a", "", DEL (3)) },
    { { "CX001", 5, "w", NULL, WARN,
        "wow moment 'Step w' (level 5) sets a bar that 1 later step misses: 'Step a' (3)" } } },
  { "/checks/CX001/near-miss", "CX001", NULL, {
      /* a low step before the wow, one above its bar, steps and wows without a
       * level, a wow too low to set a bar, a low step in recovery */
      DURING = STEP ("x", "", DEL (3)) STEP ("d", WOW, DEL (2)) STEP ("w", WOW, DEL (5))
               STEP ("a", "", DEL (4)) STEP ("b", "", EXP (3)) STEP ("c", WOW, EXP (5))
               STEP ("e", "", DEL (4)),
      RECOVERY = STEP ("r", "", DEL (1)) },
    { { NULL } } },
  { "/checks/CX001/threshold", "CX001", SETTINGS (THRESHOLD ("wow-drop", 3)), {
      DURING = STEP ("w", WOW, DEL (5)) STEP ("a", "", DEL (3)) STEP ("b", "", DEL (2)) },
    { { "CX001", 5, "w", NULL, WARN,
        "wow moment 'Step w' (level 5) sets a bar that 1 later step misses: 'Step b' (2)" } } },
  { "/checks/CX001/disabled", "CX001", SETTINGS (DISABLE ("CX001")), {
      DURING = STEP ("w", WOW, DEL (5)) STEP ("a", "", DEL (1)) },
    { { NULL } } },
  { "/checks/CX001/journey-order", "CX001", NULL, {
      BEFORE = STEP ("w", WOW, DEL (5)),
      DURING = STEP ("a", "", DEL (1)) STEP ("b", "", DEL (4)) STEP ("c", "", DEL (2)),
      AFTER = STEP ("d", "", DEL (3)) STEP ("e", "", DEL (1)),
      RECOVERY = STEP ("r", "", DEL (1)) },
    { { "CX001", 4, "w", NULL, WARN,
        "wow moment 'Step w' (level 5) sets a bar that 4 later steps miss: "
        "'Step a' (1), 'Step c' (2), 'Step d' (3)" } } },
  { "/checks/CX001/persona", "CX001", NULL, {
      /* w (persona p) counts p's steps and those without a persona; v
       * (no persona) counts every step; f (q) finds only p's after it */
      DURING = STEP ("w", WOW " persona=\"p\"", DEL (5)) STEP ("a", " persona=\"q\"", DEL (1))
               STEP ("b", "", DEL (2)) STEP ("c", " persona=\"p\"", DEL (3))
               STEP ("v", WOW, DEL (5)) STEP ("d", " persona=\"q\"", DEL (1))
               STEP ("e", " persona=\"p\"", DEL (2)) STEP ("f", WOW " persona=\"q\"", DEL (5))
               STEP ("g", " persona=\"p\"", DEL (1)) },
    { { "CX001", 5, "w", NULL, WARN,
        "wow moment 'Step w' (level 5) sets a bar that 4 later steps miss: "
        "'Step b' (2), 'Step c' (3), 'Step e' (2)" },
      { "CX001", 9, "v", NULL, WARN,
        "wow moment 'Step v' (level 5) sets a bar that 3 later steps miss: "
        "'Step d' (1), 'Step e' (2), 'Step g' (1)" } } },

  /* CX002 over-promise */
  { "/checks/CX002/trigger", "CX002", NULL, {
      BEFORE = STEP ("z", "", LEVELS (5, 1)),
      DURING = STEP ("a", "", LEVELS (4, 2)) STEP ("b", "", LEVELS (4, 3)) STEP ("c", "", EXP (5)),
      RECOVERY = STEP ("r", "", LEVELS (5, 1)) },
    { { "CX002", 4, "z", NULL, WARN, "step 'Step z' promises level 5 but delivers 1 (gap 4)" },
      { "CX002", 6, "a", NULL, WARN, "step 'Step a' promises level 4 but delivers 2 (gap 2)" } } },
  { "/checks/CX002/threshold", "CX002", SETTINGS (THRESHOLD ("expectation-gap", 3)), {
      DURING = STEP ("a", "", LEVELS (4, 2)) STEP ("b", "", LEVELS (5, 2)) },
    { { "CX002", 6, "b", NULL, WARN, "step 'Step b' promises level 5 but delivers 2 (gap 3)" } } },
  { "/checks/CX002/disabled", "CX002", SETTINGS (DISABLE ("CX002")), {
      DURING = STEP ("a", "", LEVELS (5, 1)) },
    { { NULL } } },

  /* CX003 unrecovered-failure */
  { "/checks/CX003/trigger", "CX003", NULL, {
      DURING = STEP ("a", "", "<failure id=\"f\" severity=\"6\" occurrence=\"7\" detection=\"8\">"
                              "<mode>Calls go to voicemail at busy times</mode></failure>")
               STEP ("b", "", FAIL ("g", 5, 5, 4))     /* RPN 100: at the threshold */
               STEP ("c", "", FAIL ("h", 7, 7, 2))     /* RPN 98, severity 7: below both */
               STEP ("d", "", FAIL ("i", 8, 1, 1))     /* severity 8 */
               STEP ("e", "", FAIL ("j", 9, 9, 9))     /* recovered */
               STEP ("m", "", FAIL ("k", 9, 9, 9))     /* only "recovered" outside recovery */
               STEP ("n", " recovers=\"k\"", ""),
      RECOVERY = STEP ("r", " recovers=\"j\"", "")
                 STEP ("r2", " recovers=\"j\"", FAIL ("l", 10, 10, 10)) },
    { { "CX003", 5, "a", "f", WARN,
        "failure 'Calls go to voicemail at busy times' "
        "(RPN 336, severity 6) has no recovery step" },
      { "CX003", 6, "b", "g", WARN, "failure 'Mode g' (RPN 100, severity 5) has no recovery step" },
      { "CX003", 8, "d", "i", WARN },
      { "CX003", 10, "m", "k", WARN },
      { "CX003", 15, "r2", "l", WARN } } },
  { "/checks/CX003/thresholds", "CX003",
    SETTINGS (THRESHOLD ("rpn", 300) THRESHOLD ("severity", 6)), {
      DURING = STEP ("a", "", FAIL ("f", 6, 7, 8)) STEP ("b", "", FAIL ("g", 5, 5, 4))
               STEP ("c", "", FAIL ("h", 6, 1, 1)) STEP ("d", "", FAIL ("i", 5, 7, 8)) },
    { { "CX003", 5, "a", "f", WARN }, { "CX003", 7, "c", "h", WARN } } },
  { "/checks/CX003/white-space", "CX003", NULL, {
      DURING = STEP ("a", "", FAIL ("x", 9, 9, 9) FAIL ("f", 9, 9, 9) FAIL ("y", 9, 9, 9)),
      RECOVERY = STEP ("r", " recovers=\" x&#9;f&#10;&#13;y \"", "") },
    { { NULL } } },
  { "/checks/CX003/disabled", "CX003", SETTINGS (DISABLE ("CX003")), {
      DURING = STEP ("a", "", FAIL ("f", 10, 10, 10)) },
    { { NULL } } },

  /* CX004 empty-phase */
  { "/checks/CX004/empty-plan", "CX004", NULL, { NULL },
    { { "CX004", 3, NULL, NULL, WARN,
        "phase 'before' has no step: the experience starts before the first contact" },
      { "CX004", 4, NULL, NULL, WARN },
      { "CX004", 5, NULL, NULL, WARN },
      { "CX004", 6, NULL, NULL, INFO } } },
  { "/checks/CX004/failures-unplanned", "CX004", NULL, {
      DURING = STEP ("a", "", FAIL ("f", 1, 1, 1)) },
    { { "CX004", 3, NULL, NULL, WARN },
      { "CX004", 6, NULL, NULL, WARN },
      { "CX004", 7, NULL, NULL, WARN } } },
  { "/checks/CX004/near-miss", "CX004", NULL, {
      BEFORE = STEP ("a", "", ""), DURING = STEP ("b", "", ""),
      AFTER = STEP ("c", "", ""), RECOVERY = STEP ("d", "", "") },
    { { NULL } } },
  { "/checks/CX004/disabled", "CX004", SETTINGS (DISABLE ("CX004")), { NULL },
    { { NULL } } },

  /* CX005 unowned-step */
  { "/checks/CX005/trigger", "CX005", NULL, {
      BEFORE = STEP ("a", "", ""),
      DURING = STEP ("b", " owner=\"Store staff\"", ""),
      RECOVERY = STEP ("r", "", "") },
    { { "CX005", 4, "a", NULL, INFO, "step 'Step a' has no owner" },
      { "CX005", 9, "r", NULL, INFO } } },
  { "/checks/CX005/disabled", "CX005", SETTINGS (DISABLE ("CX005")), {
      DURING = STEP ("a", "", "") },
    { { NULL } } },

  /* CX006 negative-ending */
  { "/checks/CX006/trigger", "CX006", NULL, {
      DURING = STEP ("a", "", EMO (2)) STEP ("b", "", EMO (-2)) STEP ("c", "", ""),
      RECOVERY = STEP ("r", "", EMO (3)) },
    { { "CX006", 6, "b", NULL, WARN,
        "the journey ends on a negative emotion (-2) at 'Step b'" } } },
  { "/checks/CX006/zero", "CX006", NULL, {
      DURING = STEP ("a", "", EMO (-3)) STEP ("b", "", EMO (0)) },
    { { NULL } } },
  { "/checks/CX006/recovery-ignored", "CX006", NULL, {
      DURING = STEP ("a", "", EMO (-1)), AFTER = STEP ("b", "", EMO (1)),
      RECOVERY = STEP ("r", "", EMO (-3)) },
    { { NULL } } },
  { "/checks/CX006/disabled", "CX006", SETTINGS (DISABLE ("CX006")), {
      DURING = STEP ("a", "", EMO (-3)) },
    { { NULL } } },

  /* CX007 weak-link */
  { "/checks/CX007/trigger", "CX007", NULL, {
      DURING = STEP ("a", "", DEL (4)) STEP ("b", "", DEL (4)) STEP ("c", "", DEL (2)) },
    { { "CX007", 7, "c", NULL, INFO,
        "step 'Step c' delivers level 2, 2 below the journey's median of 4" } } },
  { "/checks/CX007/near-miss", "CX007", NULL, {
      DURING = STEP ("a", "", DEL (4)) STEP ("b", "", DEL (4)) STEP ("c", "", DEL (3)) },
    { { NULL } } },
  { "/checks/CX007/too-few", "CX007", NULL, {
      /* two levels in the main journey; recovery's do not count */
      DURING = STEP ("a", "", DEL (5)) STEP ("b", "", DEL (1)) STEP ("c", "", EXP (3)),
      RECOVERY = STEP ("r", "", DEL (5)) STEP ("s", "", DEL (5)) },
    { { NULL } } },
  { "/checks/CX007/even-half", "CX007", NULL, {
      /* median (2 + 5) / 2 = 3.5: 1 is weak, 2 is not (neither middle value
       * alone would give that) */
      DURING = STEP ("a", "", DEL (5)) STEP ("b", "", DEL (5)) STEP ("c", "", DEL (2))
               STEP ("d", "", DEL (1)) },
    { { "CX007", 8, "d", NULL, INFO,
        "step 'Step d' delivers level 1, 2.5 below the journey's median of 3.5" } } },
  { "/checks/CX007/even-whole", "CX007", NULL, {
      BEFORE = STEP ("a", "", DEL (5)), DURING = STEP ("b", "", DEL (4)),
      AFTER = STEP ("c", "", DEL (2)) STEP ("d", "", DEL (1)) },
    { { "CX007", 9, "d", NULL, INFO,
        "step 'Step d' delivers level 1, 2 below the journey's median of 3" } } },
  { "/checks/CX007/threshold", "CX007", SETTINGS (THRESHOLD ("weak-link", 1)), {
      DURING = STEP ("a", "", DEL (4)) STEP ("b", "", DEL (4)) STEP ("c", "", DEL (3)) },
    { { "CX007", 7, "c", NULL, INFO,
        "step 'Step c' delivers level 3, 1 below the journey's median of 4" } } },
  { "/checks/CX007/disabled", "CX007", SETTINGS (DISABLE ("CX007")), {
      DURING = STEP ("a", "", DEL (4)) STEP ("b", "", DEL (4)) STEP ("c", "", DEL (1)) },
    { { NULL } } },

  /* CX008 broken-reference: elements on lines of their own */
  { "/checks/CX008/references", "CX008", NULL, {
      DURING = "<step id=\"a\" persona=\"ghost\"><title>Step a</title>\n"   /* 5 */
               "<cell lane=\"actions\">ok</cell>\n"
               "<cell lane=\"nowhere\">x</cell>\n"
               "<cell lane=\"emo\">x</cell>\n"
               "<cell lane=\"gap\">x</cell>\n"
               "<cell lane=\"p\">x</cell>\n"                                   /* 10 */
               "<cell lane=\"actions\">again</cell>\n"
               "<failure id=\"f\" severity=\"1\" occurrence=\"1\" detection=\"1\" "
               "leads-to=\"ghost\"><mode>Mode f</mode></failure>\n"
               "<failure id=\"g\" severity=\"1\" occurrence=\"1\" detection=\"1\" "
               "leads-to=\"f\"><mode>Mode g</mode></failure>\n"
               "<failure id=\"h\" severity=\"1\" occurrence=\"1\" detection=\"1\" "
               "leads-to=\"b\"><mode>Mode h</mode></failure>\n"
               "<link kind=\"leads-to\" step=\"ghost\"/>\n"                  /* 15 */
               "<link kind=\"depends-on\" step=\"p\"/>\n"
               "<link kind=\"depends-on\" step=\"b\"/></step>\n"
               STEP ("b", " persona=\"emo\" recovers=\"f\"", "")             /* 18 */
               STEP ("c", " persona=\"p\"", ""),
      RECOVERY = STEP ("r", " recovers=\"f ghost a  g\"", "") },               /* 22 */
    { { "CX008", 5, "a", NULL, ERROR, "step 'Step a' names persona 'ghost', which does not exist" },
      { "CX008", 7, "a", NULL, ERROR,
        "step 'Step a' has a cell in lane 'nowhere', which does not exist" },
      { "CX008", 8, "a", NULL, ERROR,
        "step 'Step a' has a cell in lane 'emo', whose kind 'emotion' holds no text" },
      { "CX008", 9, "a", NULL, ERROR },
      { "CX008", 10, "a", NULL, ERROR,
        "step 'Step a' has a cell in lane 'p', which is not a lane" },
      { "CX008", 11, "a", NULL, ERROR, "step 'Step a' has more than one cell in lane 'actions'" },
      { "CX008", 12, "a", "f", ERROR,
        "failure 'Mode f' leads to step 'ghost', which does not exist" },
      { "CX008", 13, "a", "g", ERROR, "failure 'Mode g' leads to step 'f', which is not a step" },
      { "CX008", 15, "a", NULL, ERROR,
        "step 'Step a' leads to step 'ghost', which does not exist" },
      { "CX008", 16, "a", NULL, ERROR, "step 'Step a' depends on step 'p', which is not a step" },
      { "CX008", 18, "b", NULL, ERROR,
        "step 'Step b' names persona 'emo', which is not a persona" },
      { "CX008", 18, "b", NULL, ERROR,
        "step 'Step b' names failures it recovers, but it is in phase 'during', not 'recovery'" },
      { "CX008", 22, "r", NULL, ERROR,
        "step 'Step r' recovers failure 'ghost', which does not exist" },
      { "CX008", 22, "r", NULL, ERROR,
        "step 'Step r' recovers failure 'a', which is not a failure" } } },
  { "/checks/CX008/third-cell", "CX008", NULL, {
      DURING = STEP ("a", "", "<cell lane=\"actions\">1</cell><cell lane=\"notes\">2</cell>"
                              "<cell lane=\"actions\">3</cell><cell lane=\"actions\">4</cell>") },
    { { "CX008", 5, "a", NULL, ERROR }, { "CX008", 5, "a", NULL, ERROR } } },
  { "/checks/CX008/disabled", "CX008", SETTINGS (DISABLE ("CX008")), {
      DURING = STEP ("a", " persona=\"ghost\"", "<cell lane=\"emo\">x</cell>") },
    { { NULL } } },

  /* CX009 unexamined-moment-of-truth */
  { "/checks/CX009/trigger", "CX009", NULL, {
      BEFORE = STEP ("a", MOT, ""),
      DURING = STEP ("b", MOT, FAIL ("f", 1, 1, 1)) STEP ("c", "", ""),
      RECOVERY = STEP ("r", MOT, "") },
    { { "CX009", 4, "a", NULL, INFO,
        "step 'Step a' is a moment of truth, but no failure is listed for it" },
      { "CX009", 10, "r", NULL, INFO } } },
  { "/checks/CX009/disabled", "CX009", SETTINGS (DISABLE ("CX009")), {
      DURING = STEP ("a", MOT, "") },
    { { NULL } } },

  /* CX010 unassessed-step */
  { "/checks/CX010/trigger", "CX010", NULL, {
      DURING = STEP ("a", "", EXP (3)) STEP ("b", "", DEL (3)) STEP ("c", "", "")
               STEP ("d", "", LEVELS (3, 3)),
      RECOVERY = STEP ("r", "", "") },
    { { "CX010", 5, "a", NULL, INFO, "step 'Step a' has no delivered level" },
      { "CX010", 6, "b", NULL, INFO, "step 'Step b' has no expected level" },
      { "CX010", 7, "c", NULL, INFO,
        "step 'Step c' has neither an expected nor a delivered level" } } },
  { "/checks/CX010/disabled", "CX010", SETTINGS (DISABLE ("CX010")), {
      DURING = STEP ("a", "", "") },
    { { NULL } } },

  /* CX011 idle-recovery */
  { "/checks/CX011/trigger", "CX011", NULL, {
      DURING = STEP ("a", "", FAIL ("f", 1, 1, 1)),
      RECOVERY = STEP ("r", "", "") STEP ("s", " recovers=\"f\"", "")
                 STEP ("t", " recovers=\" &#9; \"", "") },
    { { "CX011", 8, "r", NULL, INFO,
        "recovery step 'Step r' does not say which failures it recovers" },
      { "CX011", 10, "t", NULL, INFO } } },
  { "/checks/CX011/disabled", "CX011", SETTINGS (DISABLE ("CX011")), {
      RECOVERY = STEP ("r", "", "") },
    { { NULL } } },

  /* Every check at once: document position first, then check id; a step's
   * failure comes after the step's own findings whatever their ids */
  { "/checks/order", NULL, NULL, {
      DURING = STEP ("a", WOW " owner=\"o\"", LEVELS (5, 5))
               STEP ("b", MOT, LEVELS (4, 1) EMO (-1) FAIL ("f", 9, 1, 1)) },
    { { "CX004", 3, NULL, NULL, WARN },
      { "CX001", 5, "a", NULL, WARN },
      { "CX002", 6, "b", NULL, WARN },
      { "CX005", 6, "b", NULL, INFO },
      { "CX006", 6, "b", NULL, WARN },
      { "CX013", 6, "b", NULL, WARN },
      { "CX003", 6, "b", "f", WARN },
      { "CX004", 7, NULL, NULL, WARN },
      { "CX004", 8, NULL, NULL, WARN } } },
  /* The title names a step; without one, its id does */
  { "/checks/untitled", "CX005", NULL, {
      DURING = "<step id=\"nameless\"><title/></step>\n" },
    { { "CX005", 5, "nameless", NULL, INFO, "step 'nameless' has no owner" } } },
};

static void
test_info (void)
{
  CxCheckId check;

  for (guint i = 0; i < CX_N_CHECKS; i++)
    {
      const CxCheckInfo *info = cx_check_info (i);
      g_autofree char *id = g_strdup_printf ("CX%03u", i + 1);

      g_assert_cmpstr (info->id, ==, id);
      g_assert_nonnull (info->name);
      g_assert_true (cx_check_lookup (id, &check));
      g_assert_cmpint (check, ==, i);
    }
  g_assert_cmpstr (cx_check_info (CX_CHECK_UNSUSTAINABLE_WOW)->name, ==, "unsustainable-wow");
  g_assert_cmpstr (cx_check_info (CX_CHECK_IDLE_RECOVERY)->name, ==, "idle-recovery");
  g_assert_false (cx_check_lookup ("CX000", NULL));
  g_assert_false (cx_check_lookup ("CX023", NULL));
  g_assert_false (cx_check_lookup ("unowned-step", NULL));
}

static void
test_finding_boxed (void)
{
  CxFinding finding = {
    .check = CX_CHECK_UNRECOVERED_FAILURE, .severity = WARN, .target = CX_TARGET_FAILURE,
    .line = 12, .phase = CX_PHASE_DURING, .step_id = (char *) "call",
    .failure_id = (char *) "voicemail", .message = (char *) "failure 'x' …", .position = 7,
  };
  g_autoptr(CxFinding) copy = g_boxed_copy (CX_TYPE_FINDING, &finding);

  g_assert_true (G_TYPE_IS_BOXED (CX_TYPE_FINDING));
  g_assert_true (copy->step_id != finding.step_id);
  g_assert_cmpstr (copy->step_id, ==, "call");
  g_assert_cmpstr (copy->failure_id, ==, "voicemail");
  g_assert_cmpstr (copy->message, ==, finding.message);
  g_assert_cmpuint (copy->line, ==, 12);
  g_assert_cmpuint (copy->position, ==, 7);
  g_assert_cmpint (copy->target, ==, CX_TARGET_FAILURE);
}

/* What each finding of CX008 points at: the kind of element, its index in
 * the step, the phase */
static void
test_targets (void)
{
  const char *phases[CX_N_PHASES] = {
    [CX_PHASE_AFTER] = STEP ("a", " persona=\"ghost\"",
                             "<cell lane=\"notes\">x</cell><cell lane=\"ghost\">x</cell>"
                             FAIL ("f", 1, 1, 1)
                             "<link kind=\"leads-to\" step=\"a\"/>"
                             "<link kind=\"leads-to\" step=\"ghost\"/>"),
  };
  static const struct { CxTargetKind target; guint index; const char *failure; } want[] = {
    { CX_TARGET_STEP, 0, NULL }, { CX_TARGET_CELL, 1, NULL }, { CX_TARGET_LINK, 1, NULL },
  };
  g_autofree char *xml = make_plan (SETTINGS (DISABLE ("CX004") DISABLE ("CX005")
                                              DISABLE ("CX010")), phases);
  g_autoptr(CxPlan) plan = read_plan (xml);
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);

  dump_findings (findings);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpint (f->check, ==, CX_CHECK_BROKEN_REFERENCE);
      g_assert_cmpint (f->target, ==, want[i].target);
      g_assert_cmpuint (f->index, ==, want[i].index);
      g_assert_cmpint (f->phase, ==, CX_PHASE_AFTER);
      g_assert_cmpstr (f->step_id, ==, "a");
      g_assert_cmpuint (f->line, ==, 6);
    }
  assert_ordered (findings);
}

/* A plan made through the model, not read: every line is 0 */
static void
test_made_plan (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxStep) step = cx_step_new ("made");
  g_autoptr(GPtrArray) findings = NULL;
  static const struct { CxCheckId check; CxTargetKind target; CxPhase phase; } want[] = {
    { CX_CHECK_EMPTY_PHASE, CX_TARGET_PHASE, CX_PHASE_BEFORE },
    { CX_CHECK_UNASSESSED_STEP, CX_TARGET_STEP, CX_PHASE_DURING },
    { CX_CHECK_EMPTY_PHASE, CX_TARGET_PHASE, CX_PHASE_AFTER },
    { CX_CHECK_EMPTY_PHASE, CX_TARGET_PHASE, CX_PHASE_RECOVERY },
  };

  cx_step_set_title (step, "Made since");
  cx_step_set_owner (step, "Team");
  cx_plan_insert_step (plan, CX_PHASE_DURING, -1, step);

  findings = cx_check_plan (plan);
  dump_findings (findings);
  g_assert_cmpuint (findings->len, ==, G_N_ELEMENTS (want));
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      g_assert_cmpint (f->check, ==, want[i].check);
      g_assert_cmpint (f->target, ==, want[i].target);
      g_assert_cmpint (f->phase, ==, want[i].phase);
      g_assert_cmpuint (f->line, ==, 0);
    }
  g_assert_cmpstr (((CxFinding *) g_ptr_array_index (findings, 1))->message, ==,
                   "step 'Made since' has neither an expected nor a delivered level");
  g_assert_cmpint (((CxFinding *) g_ptr_array_index (findings, 3))->severity, ==, INFO);
  assert_ordered (findings);
}

/* Two runs on one plan give the same findings */
static void
test_deterministic (void)
{
  const CheckCase *tc = &cases[0];
  g_autofree char *xml = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) second = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    if (strcmp (cases[i].path, "/checks/order") == 0)
      tc = &cases[i];

  xml = make_plan (tc->settings, tc->phases);
  plan = read_plan (xml);
  first = cx_check_plan (plan);
  second = cx_check_plan (plan);

  g_assert_cmpuint (first->len, ==, second->len);
  for (guint i = 0; i < first->len; i++)
    {
      CxFinding *a = g_ptr_array_index (first, i);
      CxFinding *b = g_ptr_array_index (second, i);

      g_assert_cmpint (a->check, ==, b->check);
      g_assert_cmpuint (a->position, ==, b->position);
      g_assert_cmpstr (a->message, ==, b->message);
    }
}

/* 50,000 steps, every other one a wow: the wow index must keep this
 * near-linear (a loop over the later steps per wow would take minutes).
 * Even steps: wow, level 5, persona p. Odd steps: level 1, persona q when
 * i % 4 == 1, none when i % 4 == 3, so a wow misses only the latter. */
#define SCALE_STEPS 50000

static void
test_scale (void)
{
  g_autoptr(GString) steps = g_string_new (NULL);
  const char *phases[CX_N_PHASES] = { NULL };
  g_autofree char *xml = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(GPtrArray) findings = NULL;
  CxFinding *first = NULL;
  CxFinding *last = NULL;
  guint n_wow = 0;

  for (guint i = 0; i < SCALE_STEPS; i++)
    {
      int level = i % 2 == 0 ? 5 : 1;

      g_string_append_printf (steps,
                              "<step id=\"s%u\" owner=\"o\"%s%s><title>s%u</title>"
                              "<expected level=\"%d\"/><delivered level=\"%d\"/></step>\n",
                              i, i % 2 == 0 ? WOW : "",
                              i % 2 == 0 ? " persona=\"p\"" : i % 4 == 1 ? " persona=\"q\"" : "",
                              i, level, level);
    }
  phases[CX_PHASE_DURING] = steps->str;
  xml = make_plan (NULL, phases);
  plan = read_plan (xml);

  findings = cx_check_plan (plan);
  for (guint i = 0; i < findings->len; i++)
    {
      CxFinding *f = g_ptr_array_index (findings, i);

      if (f->check != CX_CHECK_UNSUSTAINABLE_WOW)
        continue;
      n_wow++;
      if (first == NULL)
        first = f;
      last = f;
    }

  g_assert_cmpuint (n_wow, ==, SCALE_STEPS / 2);
  g_assert_cmpstr (first->step_id, ==, "s0");
  g_assert_cmpstr (first->message, ==,
                   "wow moment 's0' (level 5) sets a bar that 12500 later steps miss: "
                   "'s3' (1), 's7' (1), 's11' (1)");
  g_assert_cmpstr (last->step_id, ==, "s49998");
  g_assert_cmpstr (last->message, ==,
                   "wow moment 's49998' (level 5) sets a bar that 1 later step misses: "
                   "'s49999' (1)");
  assert_ordered (findings);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    g_test_add_data_func (cases[i].path, &cases[i], cx_test_check_case);

  g_test_add_func ("/checks/info", test_info);
  g_test_add_func ("/checks/finding-boxed", test_finding_boxed);
  g_test_add_func ("/checks/targets", test_targets);
  g_test_add_func ("/checks/made-plan", test_made_plan);
  g_test_add_func ("/checks/deterministic", test_deterministic);
  g_test_add_func ("/checks/scale", test_scale);

  return g_test_run ();
}
