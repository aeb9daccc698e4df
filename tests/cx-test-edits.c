/* cx-test-edits.c — random edits of a plan, for the property tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * test-history.c drives long random sequences of these and checks that
 * every state writes a file that reads back equal; test-sliced-writer.c
 * makes them between the slices of a write.
 */

#include "config.h"

#include "cx-check.h"
#include "cx-edit.h"
#include "cx-model-private.h"
#include "cx-plan-io.h"
#include "cx-test-edits.h"

static const char *const texts[] = {
  NULL, "", "Plain", "Zwei Wörter", "  spaced  ", "line\nbreak", "tab\there", "cr\rhere",
  "a & b < c > d \" '", "emoji 🎉", "bell\a", "nul-free\x1f", "\xef\xbf\xbe",
};

static const char *
pick_text (GRand *rand)
{
  return texts[g_rand_int_range (rand, 0, G_N_ELEMENTS (texts))];
}

static gpointer
pick_from (GRand     *rand,
           GPtrArray *array)
{
  if (array->len == 0)
    return NULL;
  return g_ptr_array_index (array, g_rand_int_range (rand, 0, array->len));
}

static GPtrArray *
all_steps (CxPlan *plan)
{
  GPtrArray *steps = g_ptr_array_new ();

  for (CxPhase phase = 0; phase < CX_N_PHASES; phase++)
    for (guint i = 0; i < plan->steps[phase]->len; i++)
      g_ptr_array_add (steps, g_ptr_array_index (plan->steps[phase], i));

  return steps;
}

static GPtrArray *
all_failures (CxPlan *plan)
{
  g_autoptr(GPtrArray) steps = all_steps (plan);
  GPtrArray *failures = g_ptr_array_new ();

  for (guint i = 0; i < steps->len; i++)
    {
      CxStep *step = g_ptr_array_index (steps, i);

      for (guint j = 0; j < step->failures->len; j++)
        g_ptr_array_add (failures, g_ptr_array_index (step->failures, j));
    }

  return failures;
}

/**
 * cx_test_random_edit:
 * @rand: where the choices come from
 * @h: the plan's history
 * @plan: the plan
 *
 * One random edit through the public editing API, an undo or a redo; an
 * edit may be refused, as the format says (asserted).
 */
void
cx_test_random_edit (GRand     *rand,
                     CxHistory *h,
                     CxPlan    *plan)
{
  g_autoptr(GPtrArray) steps = all_steps (plan);
  g_autoptr(GPtrArray) failures = all_failures (plan);
  g_autoptr(GError) error = NULL;
  CxStep *step = pick_from (rand, steps);
  CxFailure *failure = pick_from (rand, failures);
  CxLane *lane = pick_from (rand, plan->lanes);
  CxPersona *persona = pick_from (rand, plan->personas);
  CxEditFlags flags = g_rand_boolean (rand) ? CX_EDIT_MERGE : 0;
  int r = g_rand_int_range (rand, -2, 12);
  static const char *const step_texts[] = { "title", "owner", "expected-text", "delivered-text",
                                            "emotion-text", "persona" };
  static const char *const plan_texts[] = { "title", "description", "author", "created" };
  static const char *const scores[] = { "severity", "occurrence", "detection" };
  static const char *const thresholds[] = { "wow-drop", "expectation-gap", "rpn", "severity",
                                            "weak-link", "patience" };
  static const char *const checks[] = { "CX001", "CX005", "CX011", "CX999", "bad" };

  int op = g_rand_int_range (rand, 0, 30);

  /* From an empty plan, build something to edit first */
  if (steps->len < 3 && g_rand_boolean (rand))
    op = 10;
  else if (plan->lanes->len < 2 && g_rand_boolean (rand))
    op = 19;

  switch (op)
    {
    case 0:
      cx_edit_set_text (h, plan, plan_texts[g_rand_int_range (rand, 0, 4)],
                        g_rand_boolean (rand) ? pick_text (rand) : "2026-12-01T08:00:00Z",
                        flags, &error);
      break;
    case 1: case 2:
      if (step != NULL)
        cx_edit_set_text (h, step, step_texts[g_rand_int_range (rand, 0, 6)],
                          g_rand_int_range (rand, 0, 4) == 0 && persona != NULL
                          ? cx_persona_get_id (persona) : pick_text (rand), flags, &error);
      break;
    case 3:
      if (step != NULL)
        cx_edit_set_expected (h, step, r % 7, pick_text (rand), flags, &error);
      break;
    case 4:
      if (step != NULL)
        cx_edit_set_delivered (h, step, r % 7, pick_text (rand), flags, &error);
      break;
    case 5:
      if (step != NULL)
        cx_edit_set_emotion (h, step, r % 3 != 0, r - 5, pick_text (rand), flags, &error);
      break;
    case 6:
      if (step != NULL)
        cx_edit_set_enum (h, step, g_rand_boolean (rand) ? "channel" : "evidence",
                          g_rand_int_range (rand, 0, 13), &error);
      break;
    case 7:
      if (step != NULL)
        cx_edit_set_boolean (h, step, g_rand_boolean (rand) ? "wow" : "moment-of-truth",
                             g_rand_boolean (rand), &error);
      break;
    case 8: case 9:
      if (step != NULL && lane != NULL)
        cx_edit_set_cell (h, step, lane, pick_text (rand), flags, &error);
      break;
    case 10:
      cx_edit_insert_step (h, g_rand_int_range (rand, 0, CX_N_PHASES), r - 1, pick_text (rand),
                           &error);
      break;
    case 11:
      if (step != NULL)
        cx_edit_duplicate_step (h, step, &error);
      break;
    case 12:
      if (step != NULL && steps->len > 3)
        cx_edit_delete_step (h, step, &error);
      break;
    case 13:
      if (step != NULL)
        cx_edit_move_step (h, step, g_rand_int_range (rand, 0, CX_N_PHASES), r - 1, &error);
      break;
    case 14:
      if (step != NULL)
        cx_edit_move_step_by (h, step, g_rand_boolean (rand) ? 1 : -1, &error);
      break;
    case 15:
      if (step != NULL)
        cx_edit_add_failure (h, step, pick_text (rand), &error);
      break;
    case 16:
      if (failure != NULL)
        cx_edit_delete_failure (h, failure, &error);
      break;
    case 17:
      if (failure != NULL)
        {
          if (g_rand_boolean (rand))
            cx_edit_set_int (h, failure, scores[g_rand_int_range (rand, 0, 3)], r, &error);
          else
            cx_edit_set_text (h, failure, g_rand_boolean (rand) ? "mode" : "leads-to",
                              step != NULL && g_rand_boolean (rand) ? cx_step_get_id (step)
                                                                    : pick_text (rand),
                              flags, &error);
        }
      break;
    case 18:
      if (step != NULL)
        {
          const char *ids[3] = { NULL, NULL, NULL };

          if (failure != NULL)
            ids[0] = cx_failure_get_id (failure);
          if (g_rand_int_range (rand, 0, 4) == 0)
            ids[0] = cx_step_get_id (step);
          cx_edit_set_recovers (h, step, ids, &error);
        }
      break;
    case 19:
      cx_edit_add_lane (h, r - 1, g_rand_int_range (rand, 0, 11), pick_text (rand), &error);
      break;
    case 20:
      if (lane != NULL && plan->lanes->len > 2)
        cx_edit_delete_lane (h, lane, &error);
      break;
    case 21:
      if (lane != NULL)
        {
          if (g_rand_boolean (rand))
            cx_edit_move_lane (h, lane, r % 5 - 1, &error);
          else
            cx_edit_set_lane_kind (h, lane, g_rand_int_range (rand, 0, 10), &error);
        }
      break;
    case 22:
      if (lane != NULL)
        cx_edit_set_text (h, lane, "name", pick_text (rand), flags, &error);
      break;
    case 23:
      cx_edit_add_persona (h, pick_text (rand), &error);
      break;
    case 24:
      if (persona != NULL)
        {
          switch (g_rand_int_range (rand, 0, 4))
            {
            case 0: cx_edit_delete_persona (h, persona, &error); break;
            case 1: cx_edit_move_persona (h, persona, r % 3 - 1, &error); break;
            case 2: cx_edit_set_mood (h, persona, r % 3 != 0, r - 5, &error); break;
            default:
              cx_edit_set_text (h, persona, g_rand_boolean (rand) ? "name" : "description",
                                pick_text (rand), flags, &error);
            }
        }
      break;
    case 25:
      cx_edit_set_threshold (h, thresholds[g_rand_int_range (rand, 0, 6)],
                             g_rand_int_range (rand, 0, 6) * (r > 8 ? 100 : 1), &error);
      break;
    case 26:
      cx_edit_set_check_disabled (h, checks[g_rand_int_range (rand, 0, 5)],
                                  g_rand_boolean (rand), &error);
      break;
    case 27:
      if (g_rand_int_range (rand, 0, 3) == 0)
        {
          cx_history_undo (h);
        }
      else
        {
          g_autoptr(GPtrArray) findings = cx_check_plan (plan);
          CxFinding *finding = pick_from (rand, findings);

          if (finding != NULL && g_rand_boolean (rand))
            cx_edit_accept_finding (h, finding, pick_text (rand), &error);
          else if (finding != NULL)
            cx_edit_stop_accepting (h, finding, &error);
          else if (cx_plan_get_n_accepts (plan) > 0)
            cx_edit_remove_accept (h, g_rand_int_range (rand, 0, cx_plan_get_n_accepts (plan)),
                                   &error);
        }
      break;
    case 28:
      cx_history_redo (h);
      break;
    default:
      cx_history_break_merge (h);
      break;
    }

  if (error != NULL)
    g_assert_error (error, CX_PLAN_ERROR, CX_PLAN_ERROR_INVALID);
}
