/* test-history.c — editing a plan, undo and redo, the saved marker
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every kind of edit is made on a plan full of foreign content, then
 * undone and redone: undo must give back the very bytes the plan was
 * written as, redo the bytes after the edit, and every state must read
 * back equal. A property test drives long random sequences of edits,
 * refusals, undos and redos through the same public API.
 */

#include "config.h"

#include <string.h>

#include "cx-check.h"
#include "cx-edit.h"
#include "cx-history.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"
#include "cx-test-edits.h"

static CxPlan *
read_test_plan (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "data", "good", name, NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  CxPlan *plan = cx_plan_read_from_file (file, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  return plan;
}

static char *
plan_text (CxPlan *plan)
{
  g_autoptr(GBytes) bytes = cx_plan_to_bytes (plan);

  return g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
}

/* The plan writes a file that reads back as the same plan, and is
 * written again as the same bytes (which also say where each foreign
 * child stands: see cx_plan_equal_as_written()) */
static void
assert_round_trip (CxPlan *plan)
{
  g_autofree char *text = plan_text (plan);
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) again = cx_plan_read_from_data (text, strlen (text), "edited", NULL, NULL,
                                                    NULL, &error);
  g_autofree char *text_again = NULL;

  if (again == NULL)
    g_error ("an edited plan does not read back: %s\n%s", error->message, text);
  text_again = plan_text (again);
  g_assert_cmpstr (text, ==, text_again);
  g_assert_true (cx_plan_equal_as_written (plan, again));
}

/* ------------------------------------------------------------------ */
/* Every kind of edit, undone and redone                               */

typedef struct
{
  const char *path;
  void      (*edit)  (CxHistory *history,
                      CxPlan    *plan);
  /* what the plan must say after the edit */
  void      (*check) (CxPlan    *plan);
} EditCase;

#define STEP(id)    CX_STEP (cx_plan_lookup_id (plan, id))
#define LANE(id)    CX_LANE (cx_plan_lookup_id (plan, id))
#define PERSONA(id) CX_PERSONA (cx_plan_lookup_id (plan, id))
#define FAILURE(id) CX_FAILURE (cx_plan_lookup_id (plan, id))
#define OK(call)    G_STMT_START { g_autoptr(GError) e_ = NULL; \
                                   g_assert_true (call); g_assert_no_error (e_); } G_STMT_END

static void
edit_plan_title (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, plan, "title", "Gear for the final", 0, &e_));
}

static void
check_plan_title (CxPlan *plan)
{
  g_assert_cmpstr (cx_plan_get_title (plan), ==, "Gear for the final");
}

static void
edit_plan_description_removed (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, plan, "description", "", 0, &e_));
}

static void
edit_plan_created (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, plan, "created", "2025-01-31T23:59:59Z", 0, &e_));
}

static void
edit_step_title_typed (CxHistory *h, CxPlan *plan)
{
  /* Typing, letter by letter: one step of undo */
  const char *typed[] = { "C", "Ca", "Cal", "Call", "Call u", "Call us" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    OK (cx_edit_set_text (h, STEP ("call"), "title", typed[i], CX_EDIT_MERGE, &e_));
  g_assert_cmpuint (cx_history_get_n_undo (h), ==, 1);
}

static void
check_step_title (CxPlan *plan)
{
  g_assert_cmpstr (cx_step_get_title (STEP ("call")), ==, "Call us");
}

static void
edit_step_owner (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, STEP ("pay"), "owner", "Front desk", 0, &e_));
}

static void
edit_step_channel (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_enum (h, STEP ("survey"), "channel", CX_CHANNEL_APP, &e_));
}

static void
edit_step_no_persona (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, STEP ("call"), "persona", NULL, 0, &e_));
}

static void
edit_step_evidence (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_enum (h, STEP ("call"), "evidence", CX_EVIDENCE_NONE, &e_));
}

static void
edit_step_marks (CxHistory *h, CxPlan *plan)
{
  cx_history_begin_group (h, "Marks");
  OK (cx_edit_set_boolean (h, STEP ("welcome"), "wow", FALSE, &e_));
  OK (cx_edit_set_boolean (h, STEP ("pay"), "moment-of-truth", TRUE, &e_));
  cx_history_end_group (h);
}

static void
edit_expected_level (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_int (h, STEP ("call"), "expected-level", 5, &e_));
}

static void
check_expected_level (CxPlan *plan)
{
  g_assert_cmpint (cx_step_get_expected_level (STEP ("call")), ==, 5);
  g_assert_cmpstr (cx_step_get_expected_text (STEP ("call")), ==,
                   "Someone answers and lists the stock");
}

static void
edit_expected_removed (CxHistory *h, CxPlan *plan)
{
  /* "Not assessed" takes the text with it */
  OK (cx_edit_set_expected (h, STEP ("call"), 0, NULL, 0, &e_));
}

static void
check_expected_removed (CxPlan *plan)
{
  g_assert_cmpint (cx_step_get_expected_level (STEP ("call")), ==, 0);
  g_assert_null (cx_step_get_expected_text (STEP ("call")));
}

static void
edit_delivered_new (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_delivered (h, STEP ("survey"), 2, "Asks eleven questions", 0, &e_));
}

static void
edit_emotion (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_int (h, STEP ("call"), "emotion", -3, &e_));
}

static void
edit_emotion_removed (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_boolean (h, STEP ("call"), "has-emotion", FALSE, &e_));
}

static void
check_emotion_removed (CxPlan *plan)
{
  g_assert_false (cx_step_get_has_emotion (STEP ("call")));
  g_assert_null (cx_step_get_emotion_text (STEP ("call")));
}

static void
edit_emotion_text (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, STEP ("welcome"), "emotion-text", "Surprised", CX_EDIT_MERGE, &e_));
}

static void
edit_mood (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_int (h, PERSONA ("fan"), "mood", 2, &e_));
}

static void
edit_mood_removed (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_mood (h, PERSONA ("fan"), FALSE, 0, &e_));
}

static void
edit_persona_texts (CxHistory *h, CxPlan *plan)
{
  cx_history_begin_group (h, "Persona");
  OK (cx_edit_set_text (h, PERSONA ("fan"), "name", "Season-ticket holder", 0, &e_));
  OK (cx_edit_set_text (h, PERSONA ("fan"), "description", NULL, 0, &e_));
  cx_history_end_group (h);
}

static void
edit_lane_name (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_text (h, LANE ("actions"), "name", "What the fan does", 0, &e_));
}

static void
edit_lane_kind (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_enum (h, LANE ("actions"), "kind", CX_LANE_KIND_PAINS, &e_));
}

static void
edit_lane_kind_to_chart (CxHistory *h, CxPlan *plan)
{
  /* The emotion lane goes, then the text lane takes its kind: its cell goes */
  cx_history_begin_group (h, "Swap");
  OK (cx_edit_delete_lane (h, LANE ("emotion"), &e_));
  OK (cx_edit_set_lane_kind (h, LANE ("actions"), CX_LANE_KIND_EMOTION, &e_));
  cx_history_end_group (h);
}

static void
check_lane_kind_to_chart (CxPlan *plan)
{
  g_assert_null (cx_step_lookup_cell (STEP ("call"), "actions"));
  g_assert_cmpint (cx_lane_get_kind (LANE ("actions")), ==, CX_LANE_KIND_EMOTION);
}

static void
edit_cell_new (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_cell (h, STEP ("welcome"), LANE ("actions"), "Walks in", CX_EDIT_MERGE, &e_));
}

static void
edit_cell_changed (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_cell (h, STEP ("call"), LANE ("actions"), "Calls twice", 0, &e_));
}

static void
edit_cell_removed (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_set_cell (h, STEP ("call"), LANE ("actions"), NULL, 0, &e_));
}

static void
edit_cell_typed_then_cleared (CxHistory *h, CxPlan *plan)
{
  /* A cell made, grown and emptied again by typing is one step of undo */
  const char *typed[] = { "W", "Wa", "Wal", "Wa", "W", "", "N", "No" };

  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    OK (cx_edit_set_cell (h, STEP ("pay"), LANE ("actions"), typed[i], CX_EDIT_MERGE, &e_));
  g_assert_cmpuint (cx_history_get_n_undo (h), ==, 1);
}

static void
edit_insert_step (CxHistory *h, CxPlan *plan)
{
  CxStep *step;
  g_autoptr(GError) error = NULL;

  step = cx_edit_insert_step (h, CX_PHASE_DURING, 1, "Try the shirt on", &error);
  g_assert_no_error (error);
  g_assert_nonnull (step);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 1) == step);
}

static void
edit_insert_steps_everywhere (CxHistory *h, CxPlan *plan)
{
  g_autoptr(GError) error = NULL;

  cx_history_begin_group (h, "Insert");
  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    {
      g_assert_nonnull (cx_edit_insert_step (h, phase, 0, "First", &error));
      g_assert_nonnull (cx_edit_insert_step (h, phase, -1, NULL, &error));
    }
  cx_history_end_group (h);
  g_assert_no_error (error);
}

static void
edit_duplicate_step (CxHistory *h, CxPlan *plan)
{
  g_autoptr(GError) error = NULL;
  CxStep *copy = cx_edit_duplicate_step (h, STEP ("call"), &error);

  g_assert_no_error (error);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_BEFORE, 1) == copy);
  g_assert_cmpstr (cx_step_get_title (copy), ==, "Call the store");
  g_assert_cmpuint (cx_step_get_n_failures (copy), ==, 1);
  g_assert_cmpstr (cx_failure_get_id (cx_step_get_failure (copy, 0)), !=, "voicemail");
  g_assert_true (cx_plan_lookup_id (plan, cx_failure_get_id (cx_step_get_failure (copy, 0))) ==
                 G_OBJECT (cx_step_get_failure (copy, 0)));
}

static void
edit_delete_step (CxHistory *h, CxPlan *plan)
{
  /* "call" has the failure that "callback" answers, and a link */
  OK (cx_edit_delete_step (h, STEP ("call"), &e_));
}

static void
check_delete_step (CxPlan *plan)
{
  g_assert_null (cx_plan_lookup_id (plan, "call"));
  g_assert_null (cx_plan_lookup_id (plan, "voicemail"));
  g_assert_null (cx_step_get_recovers (STEP ("callback")));
}

static void
edit_delete_linked_steps (CxHistory *h, CxPlan *plan)
{
  /* Links to "welcome" and "pay", and the failure leading to "callback" */
  cx_history_begin_group (h, "Delete");
  OK (cx_edit_delete_step (h, STEP ("welcome"), &e_));
  OK (cx_edit_delete_step (h, STEP ("pay"), &e_));
  OK (cx_edit_delete_step (h, STEP ("callback"), &e_));
  cx_history_end_group (h);
}

static void
check_delete_linked_steps (CxPlan *plan)
{
  g_assert_cmpuint (cx_step_get_n_links (STEP ("call")), ==, 0);
  g_assert_cmpuint (cx_step_get_n_links (STEP ("survey")), ==, 0);
  g_assert_null (cx_failure_get_leads_to (FAILURE ("voicemail")));
}

static void
edit_move_step (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_move_step (h, STEP ("pay"), CX_PHASE_DURING, 0, &e_));
}

static void
edit_move_step_across (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_move_step (h, STEP ("welcome"), CX_PHASE_AFTER, 1, &e_));
}

static void
edit_move_step_by (CxHistory *h, CxPlan *plan)
{
  /* The first step of "during" goes to the end of "before" */
  OK (cx_edit_move_step_by (h, STEP ("welcome"), -1, &e_));
  g_assert_cmpint (cx_step_get_phase (STEP ("welcome")), ==, CX_PHASE_BEFORE);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_BEFORE, 1) == STEP ("welcome"));
}

static void
edit_move_recovery_out (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_move_step (h, STEP ("callback"), CX_PHASE_AFTER, -1, &e_));
  g_assert_null (cx_step_get_recovers (STEP ("callback")));
}

static void
edit_add_failure (CxHistory *h, CxPlan *plan)
{
  g_autoptr(GError) error = NULL;
  CxFailure *failure = cx_edit_add_failure (h, STEP ("pay"), "The card reader is down", &error);

  g_assert_no_error (error);
  g_assert_cmpint (cx_failure_get_rpn (failure), ==, 125);
  g_assert_true (cx_failure_get_step (failure) == STEP ("pay"));
}

static void
edit_delete_failure (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_delete_failure (h, FAILURE ("voicemail"), &e_));
}

static void
check_delete_failure (CxPlan *plan)
{
  g_assert_cmpuint (cx_step_get_n_failures (STEP ("call")), ==, 0);
  g_assert_null (cx_step_get_recovers (STEP ("callback")));
}

static void
edit_failure_values (CxHistory *h, CxPlan *plan)
{
  cx_history_begin_group (h, "Failure");
  OK (cx_edit_set_int (h, FAILURE ("voicemail"), "severity", 9, &e_));
  OK (cx_edit_set_int (h, FAILURE ("voicemail"), "detection", 1, &e_));
  OK (cx_edit_set_text (h, FAILURE ("voicemail"), "leads-to", "pay", 0, &e_));
  OK (cx_edit_set_text (h, FAILURE ("voicemail"), "effect", NULL, 0, &e_));
  cx_history_end_group (h);
}

static void
edit_recovers (CxHistory *h, CxPlan *plan)
{
  const char *none[] = { NULL };

  OK (cx_edit_set_recovers (h, STEP ("callback"), none, &e_));
}

static void
edit_add_lane (CxHistory *h, CxPlan *plan)
{
  g_autoptr(GError) error = NULL;
  CxLane *lane = cx_edit_add_lane (h, 1, CX_LANE_KIND_BACKSTAGE, "Stockroom", &error);

  g_assert_no_error (error);
  g_assert_true (cx_plan_get_lane (plan, 1) == lane);
}

static void
edit_delete_lane (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_delete_lane (h, LANE ("actions"), &e_));
}

static void
edit_move_lane (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_move_lane (h, LANE ("actions"), 2, &e_));
  g_assert_true (cx_plan_get_lane (plan, 2) == LANE ("actions"));
}

static void
edit_add_persona (CxHistory *h, CxPlan *plan)
{
  g_autoptr(GError) error = NULL;
  CxPersona *persona = cx_edit_add_persona (h, "Parent buying a gift", &error);

  g_assert_no_error (error);
  g_assert_cmpstr (cx_persona_get_id (persona), ==, "Parent-buying-a-gift");
  OK (cx_edit_move_persona (h, persona, 0, &e_));
}

static void
edit_delete_persona (CxHistory *h, CxPlan *plan)
{
  OK (cx_edit_delete_persona (h, PERSONA ("fan"), &e_));
}

static void
check_delete_persona (CxPlan *plan)
{
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, 0);
  g_assert_null (cx_step_get_persona (STEP ("call")));
}

static void
edit_thresholds (CxHistory *h, CxPlan *plan)
{
  cx_history_begin_group (h, "Settings");
  OK (cx_edit_set_threshold (h, "rpn", 100, &e_));        /* the default: the entry goes */
  OK (cx_edit_set_threshold (h, "wow-drop", 3, &e_));
  OK (cx_edit_set_check_disabled (h, "CX005", FALSE, &e_));
  OK (cx_edit_set_check_disabled (h, "CX001", TRUE, &e_));
  cx_history_end_group (h);
}

/* The first finding a team may accept */
static CxFinding *
acceptable_finding (CxPlan *plan)
{
  g_autoptr(GPtrArray) findings = cx_check_plan (plan);

  for (guint i = 0; i < findings->len; i++)
    if (cx_finding_can_be_accepted (g_ptr_array_index (findings, i)))
      return cx_finding_copy (g_ptr_array_index (findings, i));

  g_assert_not_reached ();
}

static void
edit_accept (CxHistory *h, CxPlan *plan)
{
  g_autoptr(CxFinding) finding = acceptable_finding (plan);
  g_autoptr(GPtrArray) after = NULL;

  OK (cx_edit_accept_finding (h, finding, "We live with it for the pilot", &e_));
  after = cx_check_plan (plan);
  for (guint i = 0; i < after->len; i++)
    {
      CxFinding *f = g_ptr_array_index (after, i);

      if (f->check == finding->check && g_strcmp0 (f->step_id, finding->step_id) == 0 &&
          g_strcmp0 (f->failure_id, finding->failure_id) == 0 && f->target == finding->target)
        {
          g_assert_true (f->accepted);
          g_assert_cmpstr (f->reason, ==, "We live with it for the pilot");
        }
    }
}

static void
check_accept (CxPlan *plan)
{
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 1);
  /* An accept is 1.1 content: the file says so */
  assert_round_trip (plan);
}

static void
edit_accept_and_stop (CxHistory *h, CxPlan *plan)
{
  g_autoptr(CxFinding) finding = acceptable_finding (plan);

  cx_history_begin_group (h, "Accept");
  OK (cx_edit_accept_finding (h, finding, "First reason", &e_));
  OK (cx_edit_accept_finding (h, finding, "A better reason", &e_));
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 1);
  g_assert_cmpstr (cx_plan_get_accept_reason (plan, 0), ==, "A better reason");
  OK (cx_edit_stop_accepting (h, finding, &e_));
  g_assert_cmpuint (cx_plan_get_n_accepts (plan), ==, 0);
  /* Something must change for the case to be one */
  OK (cx_edit_accept_finding (h, finding, "Kept", &e_));
  OK (cx_edit_remove_accept (h, 0, &e_));
  OK (cx_edit_set_text (h, plan, "author", "Accepting team", 0, &e_));
  cx_history_end_group (h);
}

static const EditCase edit_cases[] = {
  { "/history/accept", edit_accept, check_accept },
  { "/history/accept-and-stop", edit_accept_and_stop, NULL },
  { "/history/plan/title", edit_plan_title, check_plan_title },
  { "/history/plan/description-removed", edit_plan_description_removed, NULL },
  { "/history/plan/created", edit_plan_created, NULL },
  { "/history/step/title-typed", edit_step_title_typed, check_step_title },
  { "/history/step/owner", edit_step_owner, NULL },
  { "/history/step/channel", edit_step_channel, NULL },
  { "/history/step/no-persona", edit_step_no_persona, NULL },
  { "/history/step/evidence", edit_step_evidence, NULL },
  { "/history/step/marks", edit_step_marks, NULL },
  { "/history/step/expected-level", edit_expected_level, check_expected_level },
  { "/history/step/expected-removed", edit_expected_removed, check_expected_removed },
  { "/history/step/delivered-new", edit_delivered_new, NULL },
  { "/history/step/emotion", edit_emotion, NULL },
  { "/history/step/emotion-removed", edit_emotion_removed, check_emotion_removed },
  { "/history/step/emotion-text", edit_emotion_text, NULL },
  { "/history/persona/mood", edit_mood, NULL },
  { "/history/persona/mood-removed", edit_mood_removed, NULL },
  { "/history/persona/texts", edit_persona_texts, NULL },
  { "/history/lane/name", edit_lane_name, NULL },
  { "/history/lane/kind", edit_lane_kind, NULL },
  { "/history/lane/kind-to-chart", edit_lane_kind_to_chart, check_lane_kind_to_chart },
  { "/history/cell/new", edit_cell_new, NULL },
  { "/history/cell/changed", edit_cell_changed, NULL },
  { "/history/cell/removed", edit_cell_removed, NULL },
  { "/history/cell/typed-then-cleared", edit_cell_typed_then_cleared, NULL },
  { "/history/step/insert", edit_insert_step, NULL },
  { "/history/step/insert-everywhere", edit_insert_steps_everywhere, NULL },
  { "/history/step/duplicate", edit_duplicate_step, NULL },
  { "/history/step/delete", edit_delete_step, check_delete_step },
  { "/history/step/delete-linked", edit_delete_linked_steps, check_delete_linked_steps },
  { "/history/step/move", edit_move_step, NULL },
  { "/history/step/move-across", edit_move_step_across, NULL },
  { "/history/step/move-by", edit_move_step_by, NULL },
  { "/history/step/move-recovery-out", edit_move_recovery_out, NULL },
  { "/history/failure/add", edit_add_failure, NULL },
  { "/history/failure/delete", edit_delete_failure, check_delete_failure },
  { "/history/failure/values", edit_failure_values, NULL },
  { "/history/step/recovers", edit_recovers, NULL },
  { "/history/lane/add", edit_add_lane, NULL },
  { "/history/lane/delete", edit_delete_lane, NULL },
  { "/history/lane/move", edit_move_lane, NULL },
  { "/history/persona/add-and-move", edit_add_persona, NULL },
  { "/history/persona/delete", edit_delete_persona, check_delete_persona },
  { "/history/settings", edit_thresholds, NULL },
};

static void
test_edit_case (gconstpointer data)
{
  const EditCase *c = data;
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autofree char *before = plan_text (plan);
  g_autofree char *after = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *redone = NULL;
  g_autofree char *undone_again = NULL;

  g_assert_false (cx_history_get_modified (history));
  c->edit (history, plan);
  after = plan_text (plan);
  g_assert_cmpstr (after, !=, before);
  g_assert_true (cx_history_get_modified (history));
  g_assert_true (cx_history_get_can_undo (history));
  g_assert_nonnull (cx_history_get_undo_label (history));
  if (c->check != NULL)
    c->check (plan);
  assert_round_trip (plan);

  /* Undo gives back the bytes, foreign content and all */
  while (cx_history_undo (history))
    ;
  undone = plan_text (plan);
  g_assert_cmpstr (undone, ==, before);
  g_assert_false (cx_history_get_modified (history));
  g_assert_true (cx_history_get_can_redo (history));

  while (cx_history_redo (history))
    ;
  redone = plan_text (plan);
  g_assert_cmpstr (redone, ==, after);
  if (c->check != NULL)
    c->check (plan);

  while (cx_history_undo (history))
    ;
  undone_again = plan_text (plan);
  g_assert_cmpstr (undone_again, ==, before);

  g_clear_object (&history);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* ------------------------------------------------------------------ */
/* Refusals: nothing a file cannot hold gets into the plan             */

static void
refuse_second_emotion_lane (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_null (cx_edit_add_lane (h, -1, CX_LANE_KIND_EMOTION, "Feelings", error));
}

static void
refuse_second_expectation_kind (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_lane_kind (h, LANE ("actions"), CX_LANE_KIND_EXPECTATION, error));
}

static void
refuse_created_not_a_date (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_text (h, plan, "created", "last Tuesday", 0, error));
}

static void
refuse_control_character (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_text (h, STEP ("call"), "title", "Call\athe store", 0, error));
}

static void
refuse_control_character_in_cell (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_cell (h, STEP ("call"), LANE ("actions"), "\x01", 0, error));
}

static void
refuse_unknown_check (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_check_disabled (h, "CX999", TRUE, error));
}

static void
refuse_not_a_check (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_check_disabled (h, "wow", TRUE, error));
}

static void
refuse_level_out_of_range (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_int (h, STEP ("call"), "delivered-level", 6, error));
}

static void
refuse_text_without_level (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_text (h, STEP ("pay"), "expected-text", "Quick", 0, error));
}

static void
refuse_emotion_text_without_emotion (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_text (h, STEP ("pay"), "emotion-text", "Calm", 0, error));
}

static void
refuse_cell_in_chart_lane (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_cell (h, STEP ("call"), LANE ("emotion"), "Sad", 0, error));
}

static void
refuse_recovers_outside_recovery (CxHistory *h, CxPlan *plan, GError **error)
{
  const char *ids[] = { "voicemail", NULL };

  g_assert_false (cx_edit_set_recovers (h, STEP ("pay"), ids, error));
}

static void
refuse_recovers_of_a_step (CxHistory *h, CxPlan *plan, GError **error)
{
  const char *ids[] = { "call", NULL };

  g_assert_false (cx_edit_set_recovers (h, STEP ("callback"), ids, error));
}

static void
refuse_missing_persona (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_text (h, STEP ("pay"), "persona", "ghost", 0, error));
}

static void
refuse_leads_to_a_lane (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_text (h, FAILURE ("voicemail"), "leads-to", "actions", 0, error));
}

static void
refuse_score_out_of_range (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_int (h, FAILURE ("voicemail"), "occurrence", 11, error));
}

static void
refuse_threshold_out_of_range (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_threshold (h, "wow-drop", 5, error));
}

static void
refuse_unknown_threshold (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_set_threshold (h, "patience", 2, error));
}

static void
refuse_accept_error (CxHistory *h, CxPlan *plan, GError **error)
{
  g_autoptr(CxFinding) finding = acceptable_finding (plan);

  finding->severity = CX_SEVERITY_ERROR;
  g_assert_false (cx_edit_accept_finding (h, finding, "Because", error));
}

static void
refuse_accept_without_reason (CxHistory *h, CxPlan *plan, GError **error)
{
  g_autoptr(CxFinding) finding = acceptable_finding (plan);

  g_assert_false (cx_edit_accept_finding (h, finding, "  ", error));
}

static void
refuse_bad_place (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_null (cx_edit_insert_step (h, CX_PHASE_AFTER, 5, "Far away", error));
}

static void
refuse_end_of_journey (CxHistory *h, CxPlan *plan, GError **error)
{
  g_assert_false (cx_edit_move_step_by (h, STEP ("call"), -1, error));
}

typedef struct
{
  const char *path;
  void      (*refuse) (CxHistory *history,
                       CxPlan    *plan,
                       GError   **error);
} RefuseCase;

static const RefuseCase refuse_cases[] = {
  { "/history/refuse/second-emotion-lane", refuse_second_emotion_lane },
  { "/history/refuse/second-expectation-kind", refuse_second_expectation_kind },
  { "/history/refuse/created-not-a-date", refuse_created_not_a_date },
  { "/history/refuse/control-character", refuse_control_character },
  { "/history/refuse/control-character-in-cell", refuse_control_character_in_cell },
  { "/history/refuse/unknown-check", refuse_unknown_check },
  { "/history/refuse/not-a-check", refuse_not_a_check },
  { "/history/refuse/level-out-of-range", refuse_level_out_of_range },
  { "/history/refuse/text-without-level", refuse_text_without_level },
  { "/history/refuse/emotion-text-without-emotion", refuse_emotion_text_without_emotion },
  { "/history/refuse/cell-in-chart-lane", refuse_cell_in_chart_lane },
  { "/history/refuse/recovers-outside-recovery", refuse_recovers_outside_recovery },
  { "/history/refuse/recovers-of-a-step", refuse_recovers_of_a_step },
  { "/history/refuse/missing-persona", refuse_missing_persona },
  { "/history/refuse/leads-to-a-lane", refuse_leads_to_a_lane },
  { "/history/refuse/score-out-of-range", refuse_score_out_of_range },
  { "/history/refuse/threshold-out-of-range", refuse_threshold_out_of_range },
  { "/history/refuse/unknown-threshold", refuse_unknown_threshold },
  { "/history/refuse/bad-place", refuse_bad_place },
  { "/history/refuse/accept-error", refuse_accept_error },
  { "/history/refuse/accept-without-reason", refuse_accept_without_reason },
  { "/history/refuse/end-of-journey", refuse_end_of_journey },
};

static void
test_refuse_case (gconstpointer data)
{
  const RefuseCase *c = data;
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autofree char *before = plan_text (plan);
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;

  c->refuse (history, plan, &error);
  g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID);
  g_assert_cmpstr (error->message, !=, "");
  after = plan_text (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_false (cx_history_get_can_undo (history));
  g_assert_false (cx_history_get_modified (history));

  g_clear_object (&history);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
expect_critical (void)
{
  g_test_expect_message ("cx-model", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
}

/* The model's own setters refuse the same, as programmer errors */
static void
test_setters_refuse (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autofree char *before = plan_text (plan);
  g_autofree char *after = NULL;
  g_autoptr(CxLane) lane = cx_lane_new ("more-feelings", CX_LANE_KIND_EMOTION);

  expect_critical ();
  cx_lane_set_kind (LANE ("actions"), CX_LANE_KIND_EMOTION);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_add_lane (plan, lane);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_set_created (plan, "soon");
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_set_title (STEP ("call"), "Call\x1b");
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_set_check_disabled (plan, "nonsense", TRUE);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_set_expected_text (STEP ("pay"), "Quick");
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_set_emotion_text (STEP ("pay"), "Calm");
  g_test_assert_expected_messages ();

  after = plan_text (plan);
  g_assert_cmpstr (after, ==, before);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* ------------------------------------------------------------------ */
/* Sequences, merging, the saved marker                                */

static void
test_sequence (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autofree char *s0 = plan_text (plan);
  g_autofree char *s1 = NULL, *s2 = NULL, *s3 = NULL, *now = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (cx_edit_set_text (history, plan, "title", "One", 0, &error));
  s1 = plan_text (plan);
  g_assert_nonnull (cx_edit_insert_step (history, CX_PHASE_AFTER, 0, "Two", &error));
  s2 = plan_text (plan);
  g_assert_cmpstr (cx_history_get_undo_label (history), ==, "Insert Step");

  g_assert_true (cx_history_undo (history));
  g_assert_cmpstr (cx_history_get_redo_label (history), ==, "Insert Step");
  g_assert_true (cx_history_undo (history));
  now = plan_text (plan);
  g_assert_cmpstr (now, ==, s0);
  g_assert_false (cx_history_undo (history));
  g_assert_true (cx_history_redo (history));
  g_clear_pointer (&now, g_free);
  now = plan_text (plan);
  g_assert_cmpstr (now, ==, s1);

  /* A new edit drops what could be redone */
  g_assert_true (cx_history_get_can_redo (history));
  g_assert_true (cx_edit_set_text (history, STEP ("pay"), "title", "Three", 0, &error));
  g_assert_no_error (error);
  s3 = plan_text (plan);
  g_assert_false (cx_history_get_can_redo (history));
  g_assert_false (cx_history_redo (history));
  g_assert_cmpstr (s3, !=, s2);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 2);
  g_assert_true (cx_history_undo (history));
  g_assert_true (cx_history_undo (history));
  g_clear_pointer (&now, g_free);
  now = plan_text (plan);
  g_assert_cmpstr (now, ==, s0);
}

static void
test_merge (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GError) error = NULL;
  CxStep *call = STEP ("call");

  /* Typing in one field: one step */
  cx_edit_set_text (history, call, "title", "A", CX_EDIT_MERGE, &error);
  cx_edit_set_text (history, call, "title", "AB", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 1);

  /* Another field, then back: three steps */
  cx_edit_set_text (history, call, "owner", "X", CX_EDIT_MERGE, &error);
  cx_edit_set_text (history, call, "title", "ABC", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 3);

  /* The field lost the focus: a new step */
  cx_history_break_merge (history);
  cx_edit_set_text (history, call, "title", "ABCD", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 4);

  /* Without the flag, no merge */
  cx_edit_set_text (history, call, "title", "ABCDE", 0, &error);
  cx_edit_set_text (history, call, "title", "ABCDEF", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 6);

  /* The same field of another step */
  cx_edit_set_text (history, STEP ("pay"), "title", "P", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 7);

  /* Nothing merges across an undo */
  cx_history_undo (history);
  cx_edit_set_text (history, STEP ("pay"), "title", "Q", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 7);
  g_assert_no_error (error);

  /* A level and its text: a new level is a step of its own */
  cx_edit_set_expected (history, STEP ("pay"), 3, NULL, CX_EDIT_MERGE, &error);
  cx_edit_set_expected (history, STEP ("pay"), 3, "F", CX_EDIT_MERGE, &error);
  cx_edit_set_expected (history, STEP ("pay"), 3, "Fast", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (cx_history_get_n_undo (history), ==, 9);
  cx_history_undo (history);
  g_assert_cmpint (cx_step_get_expected_level (STEP ("pay")), ==, 3);
  g_assert_null (cx_step_get_expected_text (STEP ("pay")));
}

static void
test_saved_marker (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GError) error = NULL;
  CxHistoryState saving;
  CxStep *call = STEP ("call");

  g_assert_false (cx_history_get_modified (history));
  cx_edit_set_text (history, call, "title", "One", 0, &error);
  g_assert_true (cx_history_get_modified (history));

  /* Undoing back to the saved state is unmodified again */
  cx_history_undo (history);
  g_assert_false (cx_history_get_modified (history));
  cx_history_redo (history);
  g_assert_true (cx_history_get_modified (history));

  /* Saved here */
  cx_history_set_saved_state (history, cx_history_get_state (history));
  g_assert_false (cx_history_get_modified (history));
  cx_history_undo (history);
  g_assert_true (cx_history_get_modified (history));
  cx_history_redo (history);
  g_assert_false (cx_history_get_modified (history));

  /* Typing after a save does not merge into the saved step */
  cx_edit_set_text (history, call, "title", "One more", CX_EDIT_MERGE, &error);
  g_assert_true (cx_history_get_modified (history));
  cx_history_undo (history);
  g_assert_false (cx_history_get_modified (history));
  g_assert_cmpstr (cx_step_get_title (call), ==, "One");

  /* An edit made while a save runs leaves the plan modified, merge or not */
  cx_edit_set_text (history, call, "owner", "A", CX_EDIT_MERGE, &error);
  saving = cx_history_get_state (history);
  cx_edit_set_text (history, call, "owner", "AB", CX_EDIT_MERGE, &error);
  cx_history_set_saved_state (history, saving);
  g_assert_true (cx_history_get_modified (history));

  /* The saved state undone and replaced by another edit never comes back */
  cx_history_set_saved_state (history, cx_history_get_state (history));
  cx_history_undo (history);
  cx_edit_set_text (history, call, "owner", "C", 0, &error);
  g_assert_true (cx_history_get_modified (history));
  cx_history_undo (history);
  g_assert_true (cx_history_get_modified (history));
  g_assert_false (cx_history_redo (history) && !cx_history_get_modified (history));

  /* A plan without a file is modified until saved */
  cx_history_set_saved_state (history, CX_HISTORY_STATE_NEVER);
  while (cx_history_undo (history))
    g_assert_true (cx_history_get_modified (history));
  g_assert_true (cx_history_get_modified (history));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* What the plan tells its views                                       */

typedef struct
{
  CxPlanChange what;
  GObject     *object;
  guint        count;
} ChangeLog;

static void
on_changed (CxPlan       *plan,
            CxPlanChange  what,
            GObject      *object,
            ChangeLog    *log)
{
  log->what |= what;
  log->object = object;
  log->count++;
}

static void
expect_change (CxPlan       *plan,
               ChangeLog    *log,
               CxPlanChange  what,
               gpointer      object)
{
  g_assert_cmpuint (log->count, >, 0);
  g_assert_cmphex (log->what, ==, what);
  if (object != NULL)
    g_assert_true (log->object == object);
  memset (log, 0, sizeof *log);
}

static void
test_change_signals (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GError) error = NULL;
  ChangeLog log = { 0 };

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &log);

  cx_edit_set_text (history, STEP ("call"), "title", "T", 0, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_CONTENT, STEP ("call"));
  cx_edit_set_cell (history, STEP ("call"), LANE ("actions"), "Cell", 0, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_CONTENT, STEP ("call"));
  cx_edit_set_int (history, FAILURE ("voicemail"), "severity", 2, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_CONTENT, FAILURE ("voicemail"));
  cx_edit_set_text (history, FAILURE ("voicemail"), "leads-to", NULL, 0, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_GEOMETRY, FAILURE ("voicemail"));
  cx_edit_set_text (history, LANE ("actions"), "name", "N", 0, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_CONTENT, LANE ("actions"));
  cx_edit_set_mood (history, PERSONA ("fan"), TRUE, 3, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_CONTENT, PERSONA ("fan"));
  cx_edit_insert_step (history, CX_PHASE_AFTER, 0, NULL, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_STRUCTURE, NULL);
  cx_edit_set_threshold (history, "rpn", 10, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_SETTINGS, NULL);
  cx_edit_set_text (history, plan, "author", "A", 0, &error);
  expect_change (plan, &log, CX_PLAN_CHANGE_PROPERTIES, plan);

  /* Undo tells the same */
  cx_history_undo (history);
  expect_change (plan, &log, CX_PLAN_CHANGE_PROPERTIES, plan);
  cx_history_undo (history);
  expect_change (plan, &log, CX_PLAN_CHANGE_SETTINGS, NULL);
  cx_history_undo (history);
  expect_change (plan, &log, CX_PLAN_CHANGE_STRUCTURE, NULL);
  g_assert_no_error (error);

  g_signal_handlers_disconnect_by_data (plan, &log);
}

/* The history notifies what a menu shows, and only on real change */
static void
count_notify (guint *count)
{
  (*count)++;
}

static void
test_history_notify (void)
{
  g_autoptr(CxPlan) plan = read_test_plan ("foreign-extensions.cxplan");
  g_autoptr(CxHistory) history = cx_history_new (plan);
  g_autoptr(GError) error = NULL;
  guint can_undo = 0, can_redo = 0, modified = 0, label = 0;

  g_signal_connect_swapped (history, "notify::can-undo", G_CALLBACK (count_notify), &can_undo);
  g_signal_connect_swapped (history, "notify::can-redo", G_CALLBACK (count_notify), &can_redo);
  g_signal_connect_swapped (history, "notify::modified", G_CALLBACK (count_notify), &modified);
  g_signal_connect_swapped (history, "notify::undo-label", G_CALLBACK (count_notify), &label);

  cx_edit_set_text (history, plan, "title", "x", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (can_undo, ==, 1);
  g_assert_cmpuint (modified, ==, 1);
  g_assert_cmpuint (label, ==, 1);
  g_assert_cmpstr (cx_history_get_undo_label (history), ==, "Edit Title");

  /* A merge changes none of them */
  cx_edit_set_text (history, plan, "title", "xy", CX_EDIT_MERGE, &error);
  g_assert_cmpuint (can_undo + modified + label, ==, 3);

  cx_history_undo (history);
  g_assert_cmpuint (can_undo, ==, 2);
  g_assert_cmpuint (can_redo, ==, 1);
  g_assert_cmpuint (modified, ==, 2);
  g_assert_false (cx_history_get_can_undo (history));

  /* An edit that changes nothing records nothing */
  cx_edit_set_text (history, plan, "title", cx_plan_get_title (plan), 0, &error);
  g_assert_false (cx_history_get_can_undo (history));
  g_assert_no_error (error);
}

/* ------------------------------------------------------------------ */
/* The property test                                                   */

static void
test_random_sequences (gconstpointer data)
{
  const char *name = data;
  guint n_sequences = g_getenv ("CX_UNDER_VALGRIND") != NULL ? 2 : 8;
  guint n_edits = g_test_thorough () ? 2000 : 250;

  for (guint seq = 0; seq < n_sequences; seq++)
    {
      g_autoptr(CxPlan) plan = read_test_plan (name);
      g_autoptr(CxHistory) history = cx_history_new (plan);
      g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int () ^ seq);
      g_autofree char *original = plan_text (plan);
      g_autofree char *final = NULL;
      g_autofree char *undone = NULL;
      g_autofree char *redone = NULL;

      guint n_changed = 0;

      for (guint i = 0; i < n_edits; i++)
        {
          CxHistoryState state = cx_history_get_state (history);

          cx_test_random_edit (rand, history, plan);
          n_changed += cx_history_get_state (history) != state;
          assert_round_trip (plan);
        }
      /* The sequence did edit. From an empty plan, the edits that need a
       * step, a failure or a lane do nothing until one exists: about a third
       * of them change the plan there (81 of 250 seen), against half or more
       * elsewhere, so the floor is a fifth. */
      g_test_message ("%s: %u of %u edits changed the plan", name, n_changed, n_edits);
      g_assert_cmpuint (n_changed, >=, n_edits / 5);

      /* Undoing everything gives back the original bytes; redoing, the last */
      while (cx_history_redo (history))
        ;
      final = plan_text (plan);
      while (cx_history_undo (history))
        ;
      undone = plan_text (plan);
      g_assert_cmpstr (undone, ==, original);
      while (cx_history_redo (history))
        ;
      redone = plan_text (plan);
      g_assert_cmpstr (redone, ==, final);

      g_clear_object (&history);
      g_assert_finalize_object (g_steal_pointer (&plan));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (edit_cases); i++)
    g_test_add_data_func (edit_cases[i].path, &edit_cases[i], test_edit_case);
  for (guint i = 0; i < G_N_ELEMENTS (refuse_cases); i++)
    g_test_add_data_func (refuse_cases[i].path, &refuse_cases[i], test_refuse_case);
  g_test_add_func ("/history/setters-refuse", test_setters_refuse);
  g_test_add_func ("/history/sequence", test_sequence);
  g_test_add_func ("/history/merge", test_merge);
  g_test_add_func ("/history/saved-marker", test_saved_marker);
  g_test_add_func ("/history/change-signals", test_change_signals);
  g_test_add_func ("/history/notify", test_history_notify);
  g_test_add_data_func ("/history/random/foreign-extensions", "foreign-extensions.cxplan",
                        test_random_sequences);
  g_test_add_data_func ("/history/random/all-values", "all-values.cxplan",
                        test_random_sequences);
  g_test_add_data_func ("/history/random/text-and-escapes", "text-and-escapes.cxplan",
                        test_random_sequences);
  g_test_add_data_func ("/history/random/empty-plan", "empty-plan.cxplan",
                        test_random_sequences);

  return g_test_run ();
}
