/* test-plan-equal.c — cx_plan_equal, field by field, on a plan with
 * something in every field; and how that plan and its objects finalize
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <libxml/tree.h>

#include "cx-model-private.h"

#define EXT_NS "urn:example:extension"

/* A plan with something in every field, foreign content included */

static CxExtras *
extras_with (const char *value)
{
  CxExtras *extras = cx_extras_new ();

  cx_extras_add_attr (extras, EXT_NS, "ext", "note", value);

  return extras;
}

static void
touch_extras (CxExtras **extras)
{
  if (*extras == NULL)
    *extras = cx_extras_new ();
  cx_extras_add_attr (*extras, EXT_NS, "ext", "touched", "yes");
}

static CxStep *
add_step (CxPlan     *plan,
          CxPhase     phase,
          const char *id,
          const char *title)
{
  g_autoptr(CxStep) step = cx_step_new (id);

  cx_step_set_title (step, title);
  cx_plan_insert_step (plan, phase, -1, step);

  return step;
}

static CxPlan *
build_plan (void)
{
  CxPlan *plan = cx_plan_new ();
  g_autoptr(CxPersona) persona = cx_persona_new ("fan");
  g_autoptr(CxLane) actions = cx_lane_new ("actions", CX_LANE_KIND_ACTIONS);
  g_autoptr(CxLane) emotion = cx_lane_new ("emotion", CX_LANE_KIND_EMOTION);
  g_autoptr(CxFailure) failure = cx_failure_new ("voicemail");
  CxNsDecl *decl;
  CxLink *link;
  CxStep *step;

  cx_plan_set_title (plan, "Game-day gear");
  cx_plan_set_description (plan, "From a local store");
  cx_plan_set_author (plan, "Retail CX team");
  cx_plan_set_created (plan, "2026-11-22T10:00:00Z");
  cx_plan_set_modified (plan, "2026-11-23T10:00:00Z");
  cx_plan_set_threshold (plan, "rpn", 120);
  ((CxThreshold *) g_ptr_array_index (plan->thresholds, 0))->extras = extras_with ("t");
  cx_plan_set_check_disabled (plan, "CX005", TRUE);
  ((CxDisable *) g_ptr_array_index (plan->disables, 0))->extras = extras_with ("d");
  cx_plan_insert_accept (plan, -1, "CX004", NULL, CX_PHASE_AFTER, "Mapped in the aftercare plan");
  cx_plan_insert_accept (plan, -1, "CX009", "call", CX_ACCEPT_NO_PHASE, "Examined in a workshop");
  ((CxAccept *) g_ptr_array_index (plan->accepts, 0))->extras = extras_with ("a");
  decl = g_new0 (CxNsDecl, 1);
  decl->prefix = g_strdup ("ext");
  decl->uri = g_strdup (EXT_NS);
  g_ptr_array_add (plan->ns_decls, decl);
  plan->extras[CX_PLAN_SLOT_ROOT] = extras_with ("root");
  plan->extras[CX_PLAN_SLOT_PHASES] = cx_extras_new ();
  cx_extras_add_child (plan->extras[CX_PLAN_SLOT_PHASES], 1,
                       xmlNewNode (NULL, BAD_CAST "marker"));

  cx_persona_set_name (persona, "Fan in a hurry");
  cx_persona_set_description (persona, "Needs team gear before Sunday");
  cx_persona_set_mood (persona, -1);
  persona->x_self = extras_with ("p");
  persona->x_name = extras_with ("pn");
  persona->x_description = extras_with ("pd");
  cx_plan_add_persona (plan, persona);

  cx_lane_set_name (actions, "Customer actions");
  actions->x_self = extras_with ("l");
  actions->x_name = extras_with ("ln");
  cx_plan_add_lane (plan, actions);
  cx_lane_set_name (emotion, "Emotion");
  cx_plan_add_lane (plan, emotion);

  step = add_step (plan, CX_PHASE_BEFORE, "call", "Call the store");
  cx_step_set_channel (step, CX_CHANNEL_PHONE);
  cx_step_set_owner (step, "Store staff");
  cx_step_set_persona (step, "fan");
  cx_step_set_evidence (step, CX_EVIDENCE_OBSERVED);
  cx_step_set_moment_of_truth (step, TRUE);
  cx_step_set_expected_level (step, 4);
  cx_step_set_expected_text (step, "Someone answers");
  cx_step_set_delivered_level (step, 2);
  cx_step_set_delivered_text (step, "A recorded message");
  cx_step_set_emotion (step, -2);
  cx_step_set_emotion_text (step, "Frustrated");
  cx_step_set_cell (step, "actions", "Calls the number on the website");
  ((CxCell *) g_ptr_array_index (step->cells, 0))->extras = extras_with ("c");
  step->x_self = extras_with ("s");
  step->x_title = extras_with ("st");
  step->x_expected = extras_with ("se");
  step->x_delivered = extras_with ("sd");
  step->x_emotion = extras_with ("sm");

  cx_failure_set_severity (failure, 6);
  cx_failure_set_occurrence (failure, 7);
  cx_failure_set_detection (failure, 8);
  cx_failure_set_leads_to (failure, "callback");
  cx_failure_set_mode (failure, "Calls go to voicemail");
  cx_failure_set_effect (failure, "The customer gives up");
  failure->x_self = extras_with ("f");
  failure->x_mode = extras_with ("fm");
  failure->x_effect = extras_with ("fe");
  cx_step_add_failure (step, failure);

  link = g_new0 (CxLink, 1);
  link->kind = CX_LINK_KIND_LEADS_TO;
  link->step = g_strdup ("welcome");
  link->extras = extras_with ("k");
  g_ptr_array_add (step->links, link);

  add_step (plan, CX_PHASE_BEFORE, "browse", "Browse the website");
  step = add_step (plan, CX_PHASE_DURING, "welcome", "Greeted by name");
  cx_step_set_wow (step, TRUE);
  step = add_step (plan, CX_PHASE_RECOVERY, "callback", "Call back within the hour");
  cx_step_set_recovers (step, "voicemail");

  return plan;
}

/* Equality */

/* Every change cx_plan_equal must spot: one test each */
static const char *const mutations[] = {
  "version", "title", "description", "author", "created", "modified",
  "threshold/value", "threshold/name", "threshold/extras", "threshold/added",
  "disable/check", "disable/extras", "disable/added",
  "accept/check", "accept/ref", "accept/phase", "accept/ref-for-phase", "accept/reason",
  "accept/extras", "accept/added", "accept/removed", "accept/order",
  "ns-decl/prefix", "ns-decl/uri",
  "extras/child", "extras/position",
  "persona/name", "persona/description", "persona/mood", "persona/no-mood",
  "persona/x-self", "persona/x-name", "persona/x-description", "persona/removed",
  "lane/kind", "lane/name", "lane/x-self", "lane/x-name", "lane/removed",
  "step/title", "step/channel", "step/owner", "step/persona", "step/evidence", "step/wow",
  "step/moment-of-truth", "step/recovers", "step/expected-level", "step/expected-text",
  "step/delivered-level", "step/delivered-text", "step/emotion", "step/no-emotion",
  "step/emotion-text", "step/x-self", "step/x-title", "step/x-expected", "step/x-delivered",
  "step/x-emotion", "steps/order", "steps/phase", "steps/removed",
  "cell/lane", "cell/text", "cell/extras", "cell/added",
  "link/kind", "link/step", "link/extras", "link/removed",
  "failure/severity", "failure/occurrence", "failure/detection", "failure/leads-to",
  "failure/mode", "failure/effect", "failure/x-self", "failure/x-mode", "failure/x-effect",
  "failure/removed",
};

static void
move_step (CxPlan  *plan,
           CxStep  *step,
           CxPhase  phase,
           int      position)
{
  g_autoptr(CxStep) held = g_object_ref (step);

  cx_plan_remove_step (plan, held);
  cx_plan_insert_step (plan, phase, position, held);
}

/* The foreign child build_plan() puts in <phases>, made again otherwise */
static void
replace_marker (CxExtras   **extras,
                guint        position,
                const char  *text)
{
  xmlNodePtr node = xmlNewNode (NULL, BAD_CAST "marker");

  if (text != NULL)
    xmlNodeSetContent (node, BAD_CAST text);
  cx_extras_free (*extras);
  *extras = cx_extras_new ();
  cx_extras_add_child (*extras, position, node);
}

static void
mutate (CxPlan     *plan,
        const char *what)
{
  CxPersona *persona = cx_plan_get_persona (plan, 0);
  CxLane *lane = cx_plan_get_lane (plan, 0);
  CxStep *step = cx_plan_get_step (plan, CX_PHASE_BEFORE, 0);
  CxFailure *failure = cx_step_get_failure (step, 0);
  CxCell *cell = g_ptr_array_index (step->cells, 0);
  CxLink *link = g_ptr_array_index (step->links, 0);
  CxThreshold *threshold = g_ptr_array_index (plan->thresholds, 0);
  CxDisable *disable = g_ptr_array_index (plan->disables, 0);
  CxAccept *accept = g_ptr_array_index (plan->accepts, 0);
  CxAccept *other_accept = g_ptr_array_index (plan->accepts, 1);
  CxNsDecl *decl = g_ptr_array_index (plan->ns_decls, 0);
  CxExtras **phases_extras = &plan->extras[CX_PLAN_SLOT_PHASES];

  if (g_str_equal (what, "version"))
    cx_text_set (&plan->version, "1.0");
  else if (g_str_equal (what, "title"))
    cx_plan_set_title (plan, "Other");
  else if (g_str_equal (what, "description"))
    cx_plan_set_description (plan, NULL);
  else if (g_str_equal (what, "author"))
    cx_plan_set_author (plan, "Someone");
  else if (g_str_equal (what, "created"))
    cx_plan_set_created (plan, "2020-01-01T00:00:00Z");
  else if (g_str_equal (what, "modified"))
    cx_plan_set_modified (plan, NULL);
  else if (g_str_equal (what, "threshold/value"))
    threshold->value = 121;
  else if (g_str_equal (what, "threshold/name"))
    cx_text_set (&threshold->name, "severity");
  else if (g_str_equal (what, "threshold/extras"))
    touch_extras (&threshold->extras);
  else if (g_str_equal (what, "threshold/added"))
    cx_plan_set_threshold (plan, "wow-drop", 3);
  else if (g_str_equal (what, "disable/check"))
    cx_text_set (&disable->check, "CX006");
  else if (g_str_equal (what, "disable/extras"))
    touch_extras (&disable->extras);
  else if (g_str_equal (what, "disable/added"))
    cx_plan_set_check_disabled (plan, "CX001", TRUE);
  else if (g_str_equal (what, "accept/check"))
    cx_text_set (&accept->check, "CX010");
  else if (g_str_equal (what, "accept/ref"))
    cx_text_set (&other_accept->ref, "pay");
  else if (g_str_equal (what, "accept/phase"))
    accept->phase = CX_PHASE_BEFORE;
  else if (g_str_equal (what, "accept/ref-for-phase"))
    {
      accept->phase = CX_ACCEPT_NO_PHASE;
      cx_text_set (&accept->ref, "after");
    }
  else if (g_str_equal (what, "accept/reason"))
    cx_text_set (&accept->reason, "Another reason");
  else if (g_str_equal (what, "accept/extras"))
    touch_extras (&accept->extras);
  else if (g_str_equal (what, "accept/added"))
    cx_plan_insert_accept (plan, 1, "CX005", "call", CX_ACCEPT_NO_PHASE, "Run by a partner");
  else if (g_str_equal (what, "accept/removed"))
    cx_plan_remove_accept (plan, 1);
  else if (g_str_equal (what, "accept/order"))
    {
      cx_plan_remove_accept (plan, 1);
      cx_plan_insert_accept (plan, 0, "CX009", "call", CX_ACCEPT_NO_PHASE,
                             "Examined in a workshop");
    }
  else if (g_str_equal (what, "ns-decl/prefix"))
    cx_text_set (&decl->prefix, "x");
  else if (g_str_equal (what, "ns-decl/uri"))
    cx_text_set (&decl->uri, "urn:other");
  else if (g_str_equal (what, "extras/child"))
    replace_marker (phases_extras, 1, "text");
  else if (g_str_equal (what, "extras/position"))
    replace_marker (phases_extras, 2, NULL);
  else if (g_str_equal (what, "persona/name"))
    cx_persona_set_name (persona, "Other");
  else if (g_str_equal (what, "persona/description"))
    cx_persona_set_description (persona, "");
  else if (g_str_equal (what, "persona/mood"))
    cx_persona_set_mood (persona, 1);
  else if (g_str_equal (what, "persona/no-mood"))
    cx_persona_unset_mood (persona);
  else if (g_str_equal (what, "persona/x-self"))
    touch_extras (&persona->x_self);
  else if (g_str_equal (what, "persona/x-name"))
    touch_extras (&persona->x_name);
  else if (g_str_equal (what, "persona/x-description"))
    touch_extras (&persona->x_description);
  else if (g_str_equal (what, "persona/removed"))
    cx_plan_remove_persona (plan, persona);
  else if (g_str_equal (what, "lane/kind"))
    cx_lane_set_kind (lane, CX_LANE_KIND_NOTES);
  else if (g_str_equal (what, "lane/name"))
    cx_lane_set_name (lane, "Other");
  else if (g_str_equal (what, "lane/x-self"))
    touch_extras (&lane->x_self);
  else if (g_str_equal (what, "lane/x-name"))
    touch_extras (&lane->x_name);
  else if (g_str_equal (what, "lane/removed"))
    cx_plan_remove_lane (plan, lane);
  else if (g_str_equal (what, "step/title"))
    cx_step_set_title (step, "Other");
  else if (g_str_equal (what, "step/channel"))
    cx_step_set_channel (step, CX_CHANNEL_NONE);
  else if (g_str_equal (what, "step/owner"))
    cx_step_set_owner (step, "Other");
  else if (g_str_equal (what, "step/persona"))
    cx_step_set_persona (step, NULL);
  else if (g_str_equal (what, "step/evidence"))
    cx_step_set_evidence (step, CX_EVIDENCE_ASSUMED);
  else if (g_str_equal (what, "step/wow"))
    cx_step_set_wow (step, TRUE);
  else if (g_str_equal (what, "step/moment-of-truth"))
    cx_step_set_moment_of_truth (step, FALSE);
  else if (g_str_equal (what, "step/recovers"))
    cx_step_set_recovers (step, "voicemail");
  else if (g_str_equal (what, "step/expected-level"))
    cx_step_set_expected_level (step, 5);
  else if (g_str_equal (what, "step/expected-text"))
    cx_step_set_expected_text (step, "Other");
  else if (g_str_equal (what, "step/delivered-level"))
    {
      /* A level's text goes before the level does: a file holds no text
       * without a level */
      cx_step_set_delivered_text (step, NULL);
      cx_step_set_delivered_level (step, 0);
    }
  else if (g_str_equal (what, "step/delivered-text"))
    cx_step_set_delivered_text (step, "Other");
  else if (g_str_equal (what, "step/emotion"))
    cx_step_set_emotion (step, 0);
  else if (g_str_equal (what, "step/no-emotion"))
    {
      cx_step_set_emotion_text (step, NULL);
      cx_step_unset_emotion (step);
    }
  else if (g_str_equal (what, "step/emotion-text"))
    cx_step_set_emotion_text (step, NULL);
  else if (g_str_equal (what, "step/x-self"))
    touch_extras (&step->x_self);
  else if (g_str_equal (what, "step/x-title"))
    touch_extras (&step->x_title);
  else if (g_str_equal (what, "step/x-expected"))
    touch_extras (&step->x_expected);
  else if (g_str_equal (what, "step/x-delivered"))
    touch_extras (&step->x_delivered);
  else if (g_str_equal (what, "step/x-emotion"))
    touch_extras (&step->x_emotion);
  else if (g_str_equal (what, "steps/order"))
    move_step (plan, cx_plan_get_step (plan, CX_PHASE_BEFORE, 1), CX_PHASE_BEFORE, 0);
  else if (g_str_equal (what, "steps/phase"))
    move_step (plan, cx_plan_get_step (plan, CX_PHASE_DURING, 0), CX_PHASE_AFTER, 0);
  else if (g_str_equal (what, "steps/removed"))
    cx_plan_remove_step (plan, cx_plan_get_step (plan, CX_PHASE_RECOVERY, 0));
  else if (g_str_equal (what, "cell/lane"))
    cx_text_set (&cell->lane, "notes");
  else if (g_str_equal (what, "cell/text"))
    cx_step_set_cell (step, "actions", "Other");
  else if (g_str_equal (what, "cell/extras"))
    touch_extras (&cell->extras);
  else if (g_str_equal (what, "cell/added"))
    cx_step_set_cell (step, "notes", "More");
  else if (g_str_equal (what, "link/kind"))
    link->kind = CX_LINK_KIND_DEPENDS_ON;
  else if (g_str_equal (what, "link/step"))
    cx_text_set (&link->step, "browse");
  else if (g_str_equal (what, "link/extras"))
    touch_extras (&link->extras);
  else if (g_str_equal (what, "link/removed"))
    g_ptr_array_set_size (step->links, 0);
  else if (g_str_equal (what, "failure/severity"))
    cx_failure_set_severity (failure, 5);
  else if (g_str_equal (what, "failure/occurrence"))
    cx_failure_set_occurrence (failure, 5);
  else if (g_str_equal (what, "failure/detection"))
    cx_failure_set_detection (failure, 5);
  else if (g_str_equal (what, "failure/leads-to"))
    cx_failure_set_leads_to (failure, NULL);
  else if (g_str_equal (what, "failure/mode"))
    cx_failure_set_mode (failure, "Other");
  else if (g_str_equal (what, "failure/effect"))
    cx_failure_set_effect (failure, "Other");
  else if (g_str_equal (what, "failure/x-self"))
    touch_extras (&failure->x_self);
  else if (g_str_equal (what, "failure/x-mode"))
    touch_extras (&failure->x_mode);
  else if (g_str_equal (what, "failure/x-effect"))
    touch_extras (&failure->x_effect);
  else if (g_str_equal (what, "failure/removed"))
    cx_step_remove_failure (step, failure);
  else
    g_assert_not_reached ();
}

static void
test_equal_mutation (gconstpointer data)
{
  g_autoptr(CxPlan) a = build_plan ();
  g_autoptr(CxPlan) b = build_plan ();

  g_assert_true (cx_plan_equal (a, b));
  mutate (b, data);
  g_assert_false (cx_plan_equal (a, b));
  g_assert_false (cx_plan_equal (b, a));

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

static void
test_equal_extras_slot (gconstpointer data)
{
  CxPlanSlot slot = GPOINTER_TO_UINT (data);
  g_autoptr(CxPlan) a = build_plan ();
  g_autoptr(CxPlan) b = build_plan ();

  touch_extras (&b->extras[slot]);
  g_assert_false (cx_plan_equal (a, b));

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
}

/* Where an object was read from is no part of the plan */
static void
test_equal_ignores_lines (void)
{
  g_autoptr(CxPlan) a = build_plan ();
  g_autoptr(CxPlan) b = build_plan ();
  g_autoptr(CxPlan) empty = cx_plan_new ();
  CxStep *step = cx_plan_get_step (b, CX_PHASE_BEFORE, 0);

  b->line = 2;
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    b->phase_line[phase] = 10 + phase;
  cx_plan_get_persona (b, 0)->line = 3;
  cx_plan_get_lane (b, 0)->line = 4;
  step->line = 5;
  cx_step_get_failure (step, 0)->line = 6;
  ((CxCell *) g_ptr_array_index (step->cells, 0))->line = 7;
  ((CxLink *) g_ptr_array_index (step->links, 0))->line = 8;
  ((CxThreshold *) g_ptr_array_index (b->thresholds, 0))->line = 9;
  ((CxDisable *) g_ptr_array_index (b->disables, 0))->line = 10;
  ((CxAccept *) g_ptr_array_index (b->accepts, 1))->line = 11;

  g_assert_true (cx_plan_equal (a, b));
  g_assert_true (cx_plan_equal (a, a));
  g_assert_false (cx_plan_equal (a, empty));
  g_assert_cmpuint (cx_plan_get_phase_line (b, CX_PHASE_AFTER), ==, 12);
  g_assert_cmpuint (cx_step_get_line (step), ==, 5);

  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  g_assert_finalize_object (g_steal_pointer (&empty));
}

/* Finalizing */

static void
test_finalize (void)
{
  CxPlan *plan = build_plan ();
  CxStep *step = g_object_ref (cx_plan_get_step (plan, CX_PHASE_BEFORE, 0));
  CxFailure *failure = g_object_ref (cx_step_get_failure (step, 0));
  CxPersona *persona = cx_plan_get_persona (plan, 0);
  CxLane *lane = cx_plan_get_lane (plan, 0);
  CxStep *welcome = cx_plan_get_step (plan, CX_PHASE_DURING, 0);

  g_object_add_weak_pointer (G_OBJECT (persona), (gpointer *) &persona);
  g_object_add_weak_pointer (G_OBJECT (lane), (gpointer *) &lane);
  g_object_add_weak_pointer (G_OBJECT (welcome), (gpointer *) &welcome);

  /* The plan's own objects go with it; one held elsewhere outlives it */
  g_assert_finalize_object (plan);
  g_assert_null (persona);
  g_assert_null (lane);
  g_assert_null (welcome);
  g_assert_null (cx_step_get_plan (step));

  g_assert_finalize_object (step);
  g_assert_null (cx_failure_get_step (failure));
  g_assert_finalize_object (failure);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/plan/equal/ignores-lines", test_equal_ignores_lines);
  for (guint i = 0; i < G_N_ELEMENTS (mutations); i++)
    {
      g_autofree char *path = g_strdup_printf ("/model/plan/equal/%s", mutations[i]);

      g_test_add_data_func (path, mutations[i], test_equal_mutation);
    }
  for (guint slot = 0; slot < CX_PLAN_N_SLOTS; slot++)
    {
      g_autofree char *path = g_strdup_printf ("/model/plan/equal/extras-slot-%u", slot);

      g_test_add_data_func (path, GUINT_TO_POINTER (slot), test_equal_extras_slot);
    }
  g_test_add_func ("/model/finalize", test_finalize);

  return g_test_run ();
}
