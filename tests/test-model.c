/* test-model.c — the plan model: properties, ids, structure
 *
 * cx_plan_equal, and the finalizing of a full plan, are in
 * test-plan-equal.c.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <libxml/tree.h>

#include "cx-format.h"
#include "cx-model-private.h"

#define EXT_NS "urn:example:extension"

/* Counting notifications and "changed" emissions */

typedef struct
{
  GHashTable *counts;   /* property name → count */
  guint       total;
} NotifyLog;

static void
on_notify (GObject    *object,
           GParamSpec *pspec,
           NotifyLog  *log)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, pspec->name));

  g_hash_table_insert (log->counts, (gpointer) pspec->name, GUINT_TO_POINTER (n + 1));
  log->total++;
}

static guint
notify_count (NotifyLog  *log,
              const char *name)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (log->counts, name));
}

static void
notify_log_reset (NotifyLog *log)
{
  g_hash_table_remove_all (log->counts);
  log->total = 0;
}

static void
notify_log_watch (NotifyLog *log,
                  gpointer   object)
{
  log->counts = g_hash_table_new (g_str_hash, g_str_equal);
  log->total = 0;
  g_signal_connect (object, "notify", G_CALLBACK (on_notify), log);
}

static void
notify_log_clear (NotifyLog *log,
                  gpointer   object)
{
  g_signal_handlers_disconnect_by_data (object, log);
  g_clear_pointer (&log->counts, g_hash_table_unref);
}

static void
on_changed (CxPlan       *plan,
            CxPlanChange  what,
            GObject      *object,
            guint        *count)
{
  (*count)++;
}

static void
expect_critical (void)
{
  g_test_expect_message ("cx-model", G_LOG_LEVEL_CRITICAL, "*assertion*failed*");
}

/* A value of @pspec's type other than @current */
static void
other_value (GParamSpec   *pspec,
             const GValue *current,
             GValue       *out)
{
  g_value_init (out, pspec->value_type);

  if (G_IS_PARAM_SPEC_STRING (pspec))
    {
      const char *s = g_value_get_string (current);
      /* Dates must be dates: the model holds nothing a file cannot */
      gboolean date = g_str_equal (pspec->name, "created") || g_str_equal (pspec->name, "modified");
      const char *a = date ? "2026-11-22T10:00:00Z" : "alpha";
      const char *b = date ? "2026-11-23T10:00:00Z" : "beta";

      g_value_set_string (out, g_strcmp0 (s, a) == 0 ? b : a);
    }
  else if (G_IS_PARAM_SPEC_BOOLEAN (pspec))
    {
      g_value_set_boolean (out, !g_value_get_boolean (current));
    }
  else if (G_IS_PARAM_SPEC_INT (pspec))
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      int v = g_value_get_int (current);

      g_value_set_int (out, v < ispec->maximum ? v + 1 : ispec->minimum);
    }
  else if (G_IS_PARAM_SPEC_ENUM (pspec))
    {
      GEnumClass *klass = G_PARAM_SPEC_ENUM (pspec)->enum_class;
      int v = g_value_get_enum (current);
      guint i = 0;

      while (klass->values[i].value != v)
        i++;
      g_value_set_enum (out, klass->values[(i + 1) % klass->n_values].value);
    }
  else
    {
      g_assert_not_reached ();
    }
}

/* Every writable property notifies once when it changes, never when set
 * to the value it has; the read-only ones are exactly @read_only. */
static void
check_properties (gpointer           object,
                  const char *const *writable,
                  const char *const *read_only)
{
  g_autofree GParamSpec **pspecs = NULL;
  NotifyLog log;
  guint n_pspecs;

  pspecs = g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_pspecs);
  g_assert_cmpuint (n_pspecs, ==, g_strv_length ((char **) writable) +
                                  g_strv_length ((char **) read_only));
  for (guint i = 0; writable[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), writable[i]);

      g_assert_nonnull (pspec);
      g_assert_true (pspec->flags & G_PARAM_WRITABLE);
      g_assert_true (pspec->flags & G_PARAM_EXPLICIT_NOTIFY);
    }
  for (guint i = 0; read_only[i] != NULL; i++)
    {
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object), read_only[i]);

      g_assert_nonnull (pspec);
      g_assert_false (pspec->flags & G_PARAM_WRITABLE);
    }

  notify_log_watch (&log, object);
  /* Twice round, so every property changes from a value set before */
  for (guint round = 0; round < 2; round++)
    {
      for (guint i = 0; writable[i] != NULL; i++)
        {
          GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (object),
                                                            writable[i]);
          g_auto(GValue) current = G_VALUE_INIT;
          g_auto(GValue) next = G_VALUE_INIT;
          g_auto(GValue) got = G_VALUE_INIT;

          g_value_init (&current, pspec->value_type);
          g_object_get_property (object, pspec->name, &current);
          other_value (pspec, &current, &next);

          notify_log_reset (&log);
          g_object_set_property (object, pspec->name, &next);
          g_assert_cmpuint (notify_count (&log, pspec->name), ==, 1);

          g_value_init (&got, pspec->value_type);
          g_object_get_property (object, pspec->name, &got);
          g_assert_cmpint (g_param_values_cmp (pspec, &got, &next), ==, 0);

          notify_log_reset (&log);
          g_object_set_property (object, pspec->name, &next);
          g_assert_cmpuint (log.total, ==, 0);
        }
    }
  notify_log_clear (&log, object);
}

/* Foreign content to hang on an object */

static CxExtras *
extras_with (const char *value)
{
  CxExtras *extras = cx_extras_new ();

  cx_extras_add_attr (extras, EXT_NS, "ext", "note", value);

  return extras;
}

/* Enumerations */

static void
test_enum_nick_round_trip (void)
{
  const GType types[] = {
    CX_TYPE_PHASE, CX_TYPE_LANE_KIND, CX_TYPE_CHANNEL,
    CX_TYPE_EVIDENCE, CX_TYPE_LINK_KIND, CX_TYPE_SEVERITY,
  };

  for (guint t = 0; t < G_N_ELEMENTS (types); t++)
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (types[t]);

      for (guint i = 0; i < klass->n_values; i++)
        {
          const GEnumValue *value = &klass->values[i];
          const char *nick = cx_enum_to_nick (types[t], value->value);
          int back = -1;

          if (g_str_equal (value->value_nick, "none"))
            {
              g_assert_null (nick);
              continue;
            }
          g_assert_cmpstr (nick, ==, value->value_nick);
          g_assert_true (cx_enum_from_nick (types[t], nick, &back));
          g_assert_cmpint (back, ==, value->value);
        }
    }

  /* The format's spellings, with dashes */
  g_assert_cmpstr (cx_enum_to_nick (CX_TYPE_CHANNEL, CX_CHANNEL_IN_PERSON), ==, "in-person");
  g_assert_cmpstr (cx_enum_to_nick (CX_TYPE_LINK_KIND, CX_LINK_KIND_DEPENDS_ON), ==,
                   "depends-on");
  g_assert_cmpstr (cx_enum_to_nick (CX_TYPE_PHASE, CX_PHASE_RECOVERY), ==, "recovery");
  g_assert_null (cx_enum_to_nick (CX_TYPE_PHASE, 99));
}

static void
test_enum_refuses_none (void)
{
  int value = 42;

  g_assert_false (cx_enum_from_nick (CX_TYPE_CHANNEL, "none", &value));
  g_assert_false (cx_enum_from_nick (CX_TYPE_EVIDENCE, "none", &value));
  g_assert_false (cx_enum_from_nick (CX_TYPE_CHANNEL, "NONE", &value));
  g_assert_false (cx_enum_from_nick (CX_TYPE_CHANNEL, "in_person", &value));
  g_assert_false (cx_enum_from_nick (CX_TYPE_CHANNEL, "", &value));
  g_assert_false (cx_enum_from_nick (CX_TYPE_CHANNEL, NULL, &value));
  g_assert_cmpint (value, ==, 42);

  g_assert_true (cx_enum_from_nick (CX_TYPE_EVIDENCE, "proposed", NULL));
}

/* Properties */

static void
test_persona_properties (void)
{
  const char *const writable[] = { "name", "description", "has-mood", "mood", NULL };
  const char *const read_only[] = { "id", "line", NULL };
  g_autoptr(CxPersona) persona = cx_persona_new ("fan");
  NotifyLog log;

  check_properties (persona, writable, read_only);

  /* Setting a mood gives the persona one; unsetting reads 0 */
  cx_persona_unset_mood (persona);
  notify_log_watch (&log, persona);
  cx_persona_set_mood (persona, -2);
  g_assert_cmpuint (notify_count (&log, "mood"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "has-mood"), ==, 1);
  g_assert_true (cx_persona_get_has_mood (persona));
  notify_log_reset (&log);
  cx_persona_unset_mood (persona);
  g_assert_cmpuint (log.total, ==, 2);
  g_assert_false (cx_persona_get_has_mood (persona));
  g_assert_cmpint (cx_persona_get_mood (persona), ==, 0);
  notify_log_reset (&log);
  cx_persona_unset_mood (persona);
  g_assert_cmpuint (log.total, ==, 0);

  expect_critical ();
  cx_persona_set_mood (persona, 4);
  g_test_assert_expected_messages ();
  g_assert_false (cx_persona_get_has_mood (persona));
  notify_log_clear (&log, persona);

  g_assert_finalize_object (g_steal_pointer (&persona));
}

static void
test_lane_properties (void)
{
  const char *const writable[] = { "kind", "name", NULL };
  const char *const read_only[] = { "id", "line", NULL };
  g_autoptr(CxLane) lane = cx_lane_new ("gap", CX_LANE_KIND_EXPECTATION);

  g_assert_cmpint (cx_lane_get_kind (lane), ==, CX_LANE_KIND_EXPECTATION);
  check_properties (lane, writable, read_only);

  g_assert_true (cx_lane_kind_holds_text (CX_LANE_KIND_NOTES));
  g_assert_false (cx_lane_kind_holds_text (CX_LANE_KIND_EMOTION));
  g_assert_false (cx_lane_kind_holds_text (CX_LANE_KIND_EXPECTATION));

  g_assert_finalize_object (g_steal_pointer (&lane));
}

static void
test_failure_properties (void)
{
  const char *const writable[] = {
    "severity", "occurrence", "detection", "leads-to", "mode", "effect", NULL
  };
  const char *const read_only[] = { "id", "rpn", "line", NULL };
  g_autoptr(CxFailure) failure = cx_failure_new ("voicemail");
  NotifyLog log;

  check_properties (failure, writable, read_only);

  cx_failure_set_severity (failure, 6);
  cx_failure_set_occurrence (failure, 7);
  notify_log_watch (&log, failure);
  cx_failure_set_detection (failure, 8);
  g_assert_cmpint (cx_failure_get_rpn (failure), ==, 336);
  g_assert_cmpuint (notify_count (&log, "detection"), ==, 1);
  g_assert_cmpuint (notify_count (&log, "rpn"), ==, 1);

  for (guint i = 0; i < 3; i++)
    {
      static const int bad[] = { 0, 11, -1 };

      expect_critical ();
      cx_failure_set_severity (failure, bad[i]);
      g_test_assert_expected_messages ();
    }
  g_assert_cmpint (cx_failure_get_severity (failure), ==, 6);
  notify_log_clear (&log, failure);

  g_assert_finalize_object (g_steal_pointer (&failure));
}

static void
test_step_properties (void)
{
  const char *const writable[] = {
    "title", "channel", "owner", "persona", "evidence", "wow", "moment-of-truth",
    "recovers", "expected-level", "expected-text", "delivered-level", "delivered-text",
    "has-emotion", "emotion", "emotion-text", NULL
  };
  const char *const read_only[] = { "id", "phase", "line", NULL };
  g_autoptr(CxStep) step = cx_step_new ("call");
  NotifyLog log;

  check_properties (step, writable, read_only);

  /* Empty text is absent text: no change from NULL, and "" clears */
  cx_step_set_owner (step, NULL);
  notify_log_watch (&log, step);
  cx_step_set_owner (step, "");
  g_assert_cmpuint (log.total, ==, 0);
  cx_step_set_owner (step, "Store staff");
  g_assert_cmpuint (log.total, ==, 1);
  cx_step_set_owner (step, "");
  g_assert_null (cx_step_get_owner (step));
  g_assert_cmpuint (log.total, ==, 2);

  /* Out of range values are refused and change nothing */
  cx_step_set_expected_level (step, 3);
  notify_log_reset (&log);
  expect_critical ();
  cx_step_set_expected_level (step, 6);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_set_delivered_level (step, -1);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_set_emotion (step, -4);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_set_channel (step, 99);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (log.total, ==, 0);
  g_assert_cmpint (cx_step_get_expected_level (step), ==, 3);

  /* Level 0 means "absent" and is allowed */
  cx_step_set_expected_level (step, 0);
  g_assert_cmpint (cx_step_get_expected_level (step), ==, 0);
  notify_log_clear (&log, step);

  g_assert_finalize_object (g_steal_pointer (&step));
}

static void
test_plan_properties (void)
{
  const char *const writable[] = {
    "title", "description", "author", "created", "modified", NULL
  };
  const char *const read_only[] = { "version", "line", NULL };
  g_autoptr(CxPlan) plan = cx_plan_new ();

  check_properties (plan, writable, read_only);

  g_assert_finalize_object (g_steal_pointer (&plan));
}

/* The plan's structure */

static void
test_plan_new (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();

  g_assert_cmpstr (cx_plan_get_version (plan), ==, CX_FORMAT_VERSION);
  g_assert_null (cx_plan_get_title (plan));
  g_assert_cmpuint (plan->thresholds->len, ==, 0);
  g_assert_cmpuint (plan->disables->len, ==, 0);
  g_assert_cmpuint (plan->ns_decls->len, ==, 0);
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, 0);
  g_assert_cmpuint (cx_plan_get_n_lanes (plan), ==, 0);
  for (guint phase = 0; phase < CX_N_PHASES; phase++)
    g_assert_cmpuint (cx_plan_get_n_steps (plan, phase), ==, 0);
  g_assert_cmpuint (g_hash_table_size (plan->ids), ==, 0);

  g_assert_finalize_object (g_steal_pointer (&plan));
}

static void
test_plan_make_id (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxStep) holder = cx_step_new ("holder");
  static const struct { const char *stem; const char *id; } stems[] = {
    { "step", "step" },
    { "Call the store", "Call-the-store" },
    { "Café au lait", "Cafe-au-lait" },
    { "2nd step", "nd-step" },
    { "--x--", "x" },
    { "a.b_c-d", "a.b_c-d" },
    { "", "id" },
    { "!!!", "id" },
    { NULL, "id" },
  };
  g_autofree char *first = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (stems); i++)
    {
      g_autofree char *id = cx_plan_make_id (plan, stems[i].stem);

      g_assert_cmpstr (id, ==, stems[i].id);
      g_assert_cmpint (xmlValidateNCName ((const xmlChar *) id, 0), ==, 0);
    }

  /* Making an id does not take it */
  first = cx_plan_make_id (plan, "step");
  g_assert_null (cx_plan_lookup_id (plan, first));
  g_assert_true (cx_plan_register_id (plan, first, G_OBJECT (holder)));
  g_assert_false (cx_plan_register_id (plan, first, G_OBJECT (holder)));
  g_assert_true (cx_plan_register_id (plan, "step-3", G_OBJECT (holder)));

  /* Never a clash, however many are made */
  for (guint i = 0; i < 200; i++)
    {
      g_autofree char *id = cx_plan_make_id (plan, "step");

      g_assert_null (cx_plan_lookup_id (plan, id));
      g_assert_cmpint (xmlValidateNCName ((const xmlChar *) id, 0), ==, 0);
      if (i == 0)
        g_assert_cmpstr (id, ==, "step-2");
      if (i == 1)
        g_assert_cmpstr (id, ==, "step-4");
      g_assert_true (cx_plan_register_id (plan, id, G_OBJECT (holder)));
    }
  g_assert_cmpuint (g_hash_table_size (plan->ids), ==, 202);

  cx_plan_unregister_id (plan, "step-3");
  g_assert_null (cx_plan_lookup_id (plan, "step-3"));

  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&holder));
}

static void
test_plan_insert_remove (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxStep) a = cx_step_new ("a");
  g_autoptr(CxStep) b = cx_step_new ("b");
  g_autoptr(CxStep) c = cx_step_new ("c");
  g_autoptr(CxStep) clash = cx_step_new ("c");
  g_autoptr(CxFailure) early = cx_failure_new ("early");
  g_autoptr(CxFailure) late = cx_failure_new ("late");
  g_autoptr(CxFailure) twin = cx_failure_new ("late");
  guint changed = 0;
  NotifyLog log;

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &changed);

  /* A failure added before its step is in a plan is registered with it */
  cx_step_add_failure (b, early);
  g_assert_true (cx_failure_get_step (early) == b);
  g_assert_null (cx_step_get_plan (b));

  cx_plan_insert_step (plan, CX_PHASE_DURING, -1, a);
  cx_plan_insert_step (plan, CX_PHASE_DURING, -1, c);
  notify_log_watch (&log, b);
  cx_plan_insert_step (plan, CX_PHASE_DURING, 1, b);
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (notify_count (&log, "phase"), ==, 1);

  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_DURING), ==, 3);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 0) == a);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 1) == b);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 2) == c);
  g_assert_true (cx_step_get_plan (b) == plan);
  g_assert_cmpint (cx_step_get_phase (b), ==, CX_PHASE_DURING);
  g_assert_true (cx_plan_lookup_id (plan, "b") == G_OBJECT (b));
  g_assert_true (cx_plan_lookup_id (plan, "early") == G_OBJECT (early));

  /* A failure added to a step in a plan is registered at once */
  cx_step_add_failure (a, late);
  g_assert_cmpuint (changed, ==, 4);
  g_assert_true (cx_plan_lookup_id (plan, "late") == G_OBJECT (late));
  g_assert_true (cx_failure_get_step (late) == a);

  /* Taken ids are refused, changing nothing */
  expect_critical ();
  cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, clash);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_step_add_failure (c, twin);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_insert_step (plan, CX_PHASE_DURING, 7, clash);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (changed, ==, 4);
  g_assert_null (cx_step_get_plan (clash));
  g_assert_null (cx_failure_get_step (twin));
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_BEFORE), ==, 0);

  /* Removing frees the step's id and its failures' ids */
  cx_plan_remove_step (plan, b);
  g_assert_cmpuint (changed, ==, 5);
  g_assert_null (cx_step_get_plan (b));
  g_assert_null (cx_plan_lookup_id (plan, "b"));
  g_assert_null (cx_plan_lookup_id (plan, "early"));
  g_assert_true (cx_failure_get_step (early) == b);
  g_assert_cmpuint (cx_plan_get_n_steps (plan, CX_PHASE_DURING), ==, 2);
  g_assert_true (cx_plan_get_step (plan, CX_PHASE_DURING, 1) == c);

  /* ...so it can move to another phase */
  notify_log_reset (&log);
  cx_plan_insert_step (plan, CX_PHASE_RECOVERY, 0, b);
  g_assert_cmpuint (notify_count (&log, "phase"), ==, 1);
  g_assert_cmpint (cx_step_get_phase (b), ==, CX_PHASE_RECOVERY);
  g_assert_true (cx_plan_lookup_id (plan, "early") == G_OBJECT (early));
  notify_log_clear (&log, b);

  cx_step_remove_failure (a, late);
  g_assert_null (cx_failure_get_step (late));
  g_assert_null (cx_plan_lookup_id (plan, "late"));
  g_assert_cmpuint (cx_step_get_n_failures (a), ==, 0);
  g_assert_cmpuint (changed, ==, 7);

  /* Both steps named "c" cannot be in the plan together */
  cx_plan_remove_step (plan, c);
  cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, clash);
  g_assert_true (cx_plan_lookup_id (plan, "c") == G_OBJECT (clash));

  g_signal_handlers_disconnect_by_data (plan, &changed);
  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_null (cx_step_get_plan (b));
  g_assert_finalize_object (g_steal_pointer (&a));
  g_assert_finalize_object (g_steal_pointer (&b));
  g_assert_finalize_object (g_steal_pointer (&c));
  g_assert_finalize_object (g_steal_pointer (&clash));
  g_assert_finalize_object (g_steal_pointer (&early));
  g_assert_finalize_object (g_steal_pointer (&late));
  g_assert_finalize_object (g_steal_pointer (&twin));
}

static void
test_plan_personas_lanes (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxPersona) fan = cx_persona_new ("fan");
  g_autoptr(CxPersona) clash = cx_persona_new ("fan");
  g_autoptr(CxLane) lane = cx_lane_new ("actions", CX_LANE_KIND_ACTIONS);
  g_autoptr(CxLane) lane_clash = cx_lane_new ("fan", CX_LANE_KIND_NOTES);
  guint changed = 0;

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &changed);

  cx_plan_add_persona (plan, fan);
  cx_plan_add_lane (plan, lane);
  g_assert_cmpuint (changed, ==, 2);
  g_assert_true (cx_plan_get_persona (plan, 0) == fan);
  g_assert_true (cx_plan_get_lane (plan, 0) == lane);
  g_assert_true (cx_plan_lookup_id (plan, "fan") == G_OBJECT (fan));
  g_assert_true (cx_plan_lookup_id (plan, "actions") == G_OBJECT (lane));

  /* Ids are unique across kinds */
  expect_critical ();
  cx_plan_add_persona (plan, clash);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_add_lane (plan, lane_clash);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_add_persona (plan, fan);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (cx_plan_get_n_personas (plan), ==, 1);
  g_assert_cmpuint (cx_plan_get_n_lanes (plan), ==, 1);
  g_assert_cmpuint (changed, ==, 2);

  cx_plan_remove_persona (plan, fan);
  g_assert_null (cx_plan_lookup_id (plan, "fan"));
  cx_plan_add_lane (plan, lane_clash);
  cx_plan_remove_lane (plan, lane);
  g_assert_null (cx_plan_lookup_id (plan, "actions"));
  g_assert_true (cx_plan_get_lane (plan, 0) == lane_clash);
  g_assert_cmpuint (changed, ==, 5);

  g_signal_handlers_disconnect_by_data (plan, &changed);
  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&fan));
  g_assert_finalize_object (g_steal_pointer (&clash));
  g_assert_finalize_object (g_steal_pointer (&lane));
  g_assert_finalize_object (g_steal_pointer (&lane_clash));
}

static void
test_step_cells (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  g_autoptr(CxStep) step = cx_step_new ("call");
  guint changed = 0;

  cx_plan_insert_step (plan, CX_PHASE_BEFORE, -1, step);
  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &changed);

  cx_step_set_cell (step, "actions", "Calls");
  cx_step_set_cell (step, "notes", "Busy at noon");
  g_assert_cmpuint (cx_step_get_n_cells (step), ==, 2);
  g_assert_cmpstr (cx_step_get_cell_lane (step, 1), ==, "notes");
  g_assert_cmpstr (cx_step_lookup_cell (step, "actions"), ==, "Calls");
  g_assert_null (cx_step_lookup_cell (step, "pains"));
  g_assert_cmpuint (changed, ==, 2);

  /* Replacing keeps the cell, its place and its foreign content */
  ((CxCell *) g_ptr_array_index (step->cells, 0))->extras = extras_with ("c");
  cx_step_set_cell (step, "actions", "Calls again");
  cx_step_set_cell (step, "actions", "Calls again");
  g_assert_cmpuint (changed, ==, 3);
  g_assert_cmpuint (cx_step_get_n_cells (step), ==, 2);
  g_assert_cmpstr (cx_step_get_cell_text (step, 0), ==, "Calls again");
  g_assert_nonnull (((CxCell *) g_ptr_array_index (step->cells, 0))->extras);

  /* Empty text removes */
  cx_step_set_cell (step, "actions", "");
  cx_step_set_cell (step, "notes", NULL);
  cx_step_set_cell (step, "notes", NULL);
  g_assert_cmpuint (cx_step_get_n_cells (step), ==, 0);
  g_assert_cmpuint (changed, ==, 5);

  g_signal_handlers_disconnect_by_data (plan, &changed);
  g_assert_finalize_object (g_steal_pointer (&plan));
  g_assert_finalize_object (g_steal_pointer (&step));
}

static void
test_plan_thresholds (void)
{
  g_autoptr(CxPlan) plan = cx_plan_new ();
  guint changed = 0;

  for (CxThresholdId id = 0; id < CX_N_THRESHOLDS; id++)
    {
      const CxThresholdInfo *info = cx_threshold_info (id);

      g_assert_cmpint (cx_plan_get_threshold (plan, info->name), ==, info->default_value);
    }

  g_signal_connect (plan, "changed", G_CALLBACK (on_changed), &changed);

  /* Override */
  cx_plan_set_threshold (plan, "rpn", 50);
  g_assert_cmpint (cx_plan_get_threshold (plan, "rpn"), ==, 50);
  g_assert_cmpuint (plan->thresholds->len, ==, 1);
  cx_plan_set_threshold (plan, "rpn", 50);
  g_assert_cmpuint (changed, ==, 1);
  cx_plan_set_threshold (plan, "rpn", 60);
  g_assert_cmpint (cx_plan_get_threshold (plan, "rpn"), ==, 60);
  g_assert_cmpuint (plan->thresholds->len, ==, 1);
  cx_plan_set_threshold (plan, "severity", 9);
  g_assert_cmpuint (plan->thresholds->len, ==, 2);
  g_assert_cmpuint (changed, ==, 3);

  /* Reset: the default is not written */
  cx_plan_set_threshold (plan, "rpn", 100);
  g_assert_cmpint (cx_plan_get_threshold (plan, "rpn"), ==, 100);
  g_assert_cmpuint (plan->thresholds->len, ==, 1);
  cx_plan_set_threshold (plan, "rpn", 100);
  g_assert_cmpuint (changed, ==, 4);

  /* A value as read from a file, equal to the default, is kept until set */
  {
    CxThreshold *threshold = g_new0 (CxThreshold, 1);

    threshold->name = g_strdup ("wow-drop");
    threshold->value = 2;
    g_ptr_array_add (plan->thresholds, threshold);
    cx_plan_set_threshold (plan, "wow-drop", 2);
    g_assert_cmpuint (plan->thresholds->len, ==, 1);
    g_assert_cmpuint (changed, ==, 5);
  }

  expect_critical ();
  cx_plan_set_threshold (plan, "rpn", 1001);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_set_threshold (plan, "wow-drop", 0);
  g_test_assert_expected_messages ();
  expect_critical ();
  cx_plan_set_threshold (plan, "no-such-threshold", 1);
  g_test_assert_expected_messages ();
  g_assert_cmpuint (changed, ==, 5);

  /* Disabled checks */
  g_assert_false (cx_plan_is_check_disabled (plan, "CX005"));
  cx_plan_set_check_disabled (plan, "CX005", TRUE);
  cx_plan_set_check_disabled (plan, "CX005", TRUE);
  g_assert_true (cx_plan_is_check_disabled (plan, "CX005"));
  g_assert_cmpuint (plan->disables->len, ==, 1);
  g_assert_cmpuint (cx_plan_get_n_disabled_checks (plan), ==, 1);
  g_assert_cmpstr (cx_plan_get_disabled_check (plan, 0), ==, "CX005");
  cx_plan_set_check_disabled (plan, "CX005", FALSE);
  cx_plan_set_check_disabled (plan, "CX005", FALSE);
  g_assert_false (cx_plan_is_check_disabled (plan, "CX005"));
  g_assert_cmpuint (plan->disables->len, ==, 0);
  g_assert_cmpuint (cx_plan_get_n_disabled_checks (plan), ==, 0);
  g_assert_cmpuint (changed, ==, 7);

  g_signal_handlers_disconnect_by_data (plan, &changed);
  g_assert_finalize_object (g_steal_pointer (&plan));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/model/enums/nick-round-trip", test_enum_nick_round_trip);
  g_test_add_func ("/model/enums/refuses-none", test_enum_refuses_none);
  g_test_add_func ("/model/persona/properties", test_persona_properties);
  g_test_add_func ("/model/lane/properties", test_lane_properties);
  g_test_add_func ("/model/failure/properties", test_failure_properties);
  g_test_add_func ("/model/step/properties", test_step_properties);
  g_test_add_func ("/model/step/cells", test_step_cells);
  g_test_add_func ("/model/plan/properties", test_plan_properties);
  g_test_add_func ("/model/plan/new", test_plan_new);
  g_test_add_func ("/model/plan/make-id", test_plan_make_id);
  g_test_add_func ("/model/plan/insert-remove", test_plan_insert_remove);
  g_test_add_func ("/model/plan/personas-lanes", test_plan_personas_lanes);
  g_test_add_func ("/model/plan/thresholds", test_plan_thresholds);

  return g_test_run ();
}
