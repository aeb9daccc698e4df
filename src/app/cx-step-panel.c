/* cx-step-panel.c — the details of the selected step, read-only
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything the map's column shortens (titles, cell texts cut at three
 * lines) in full, with the fields the map only shows as symbols: channel,
 * evidence, persona, the levels, the failures and their RPN. Editing comes
 * with the next issue; until then the panel is rebuilt when the step
 * changes.
 */

#define G_LOG_DOMAIN "cx-step-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-step-panel.h"

struct _CxStepPanel
{
  AdwBin                parent_instance;

  CxStep               *step;

  GtkStack             *stack;
  GtkLabel             *title_label;
  GtkLabel             *summary_label;
  GtkWidget            *marks_box;
  GtkWidget            *wow_label;
  GtkWidget            *moment_of_truth_label;
  AdwPreferencesGroup  *step_group;
  AdwPreferencesGroup  *experience_group;
  AdwPreferencesGroup  *lanes_group;
  AdwPreferencesGroup  *failures_group;

  /* The list each group holds now, replaced on every change of step */
  GtkWidget            *step_list;
  GtkWidget            *experience_list;
  GtkWidget            *lanes_list;
  GtkWidget            *failures_list;
};

enum {
  PROP_0,
  PROP_STEP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxStepPanel, cx_step_panel, ADW_TYPE_BIN)

/* ------------------------------------------------------------------ */
/* Words for the format's values                                       */

static const char *
phase_name (CxPhase phase)
{
  switch (phase)
    {
    case CX_PHASE_BEFORE:   return _("Before");
    case CX_PHASE_DURING:   return _("During");
    case CX_PHASE_AFTER:    return _("After");
    case CX_PHASE_RECOVERY: return _("Recovery");
    default:                return NULL;
    }
}

static const char *
channel_name (CxChannel channel)
{
  switch (channel)
    {
    case CX_CHANNEL_WEB:          return _("Web");
    case CX_CHANNEL_APP:          return _("App");
    case CX_CHANNEL_EMAIL:        return _("Email");
    case CX_CHANNEL_PHONE:        return _("Phone");
    case CX_CHANNEL_CHAT:         return _("Chat");
    case CX_CHANNEL_SOCIAL:       return _("Social media");
    case CX_CHANNEL_MAIL:         return _("Mail");
    case CX_CHANNEL_STORE:        return _("Store");
    case CX_CHANNEL_IN_PERSON:    return _("In person");
    case CX_CHANNEL_SELF_SERVICE: return _("Self-service");
    case CX_CHANNEL_OTHER:        return _("Other");
    case CX_CHANNEL_NONE:
    default:                      return NULL;
    }
}

static const char *
evidence_name (CxEvidence evidence)
{
  switch (evidence)
    {
    case CX_EVIDENCE_OBSERVED: return _("Observed");
    case CX_EVIDENCE_ASSUMED:  return _("Assumed");
    case CX_EVIDENCE_PROPOSED: return _("Proposed");
    case CX_EVIDENCE_NONE:
    default:                   return NULL;
    }
}

/* "4 of 5 — text", or what is there of it */
static char *
describe_level (int         level,
                const char *text)
{
  if (level == 0 && text == NULL)
    return NULL;
  if (level == 0)
    return g_strdup (text);
  if (text == NULL)
    return g_strdup_printf (_("%d of %d"), level, CX_LEVEL_MAX);

  return g_strdup_printf (_("%d of %d — %s"), level, CX_LEVEL_MAX, text);
}

/* ------------------------------------------------------------------ */
/* Rows                                                                */

static GtkWidget *
new_list (void)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");

  return list;
}

/* Replaces the list a group shows with a new, empty one */
static GtkWidget *
reset_group (AdwPreferencesGroup  *group,
             GtkWidget           **list)
{
  if (*list != NULL)
    adw_preferences_group_remove (group, *list);

  *list = new_list ();
  adw_preferences_group_add (group, *list);

  return *list;
}

static GtkWidget *
new_row (const char *title,
         const char *subtitle)
{
  g_autofree char *title_markup = g_markup_escape_text (title, -1);
  g_autofree char *subtitle_markup = subtitle != NULL ? g_markup_escape_text (subtitle, -1) : NULL;
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title_markup);
  if (subtitle_markup != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle_markup);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  return row;
}

/* A field: its name small above its value; an absent value says so */
static void
add_field (GtkWidget  *list,
           const char *name,
           const char *value)
{
  GtkWidget *row = new_row (name, value != NULL ? value : _("Not set"));

  gtk_widget_add_css_class (row, "cx-field");
  if (value == NULL)
    gtk_widget_add_css_class (row, "cx-unset");
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
add_placeholder (GtkWidget  *list,
                 const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_list_box_set_placeholder (GTK_LIST_BOX (list), label);
}

static const char *
rpn_class (int rpn)
{
  /* The bands FMEA practice reads: above 200 act now, above 100 plan */
  if (rpn >= 200)
    return "cx-rpn-high";
  if (rpn >= 100)
    return "cx-rpn-medium";
  return "cx-rpn-low";
}

static gboolean
id_in_list (const char *ids,
            const char *id)
{
  g_auto(GStrv) tokens = NULL;

  if (ids == NULL)
    return FALSE;

  tokens = g_strsplit_set (ids, " \t\n", -1);
  return g_strv_contains ((const char * const *) tokens, id);
}

/* The titles of the recovery steps that answer @failure_id, or NULL */
static char *
find_recoveries (CxPlan     *plan,
                 const char *failure_id)
{
  g_autoptr(GString) titles = NULL;
  guint n = cx_plan_get_n_steps (plan, CX_PHASE_RECOVERY);

  for (guint i = 0; i < n; i++)
    {
      CxStep *step = cx_plan_get_step (plan, CX_PHASE_RECOVERY, i);

      if (!id_in_list (cx_step_get_recovers (step), failure_id))
        continue;
      if (titles == NULL)
        titles = g_string_new (NULL);
      else
        g_string_append (titles, ", ");
      g_string_append (titles, cx_step_get_title (step) != NULL ? cx_step_get_title (step)
                                                                : cx_step_get_id (step));
    }

  return titles != NULL ? g_string_free (g_steal_pointer (&titles), FALSE) : NULL;
}

static const char *
step_title_for_id (CxPlan     *plan,
                   const char *id)
{
  GObject *object = plan != NULL && id != NULL ? cx_plan_lookup_id (plan, id) : NULL;

  if (object != NULL && CX_IS_STEP (object) && cx_step_get_title (CX_STEP (object)) != NULL)
    return cx_step_get_title (CX_STEP (object));

  return id;
}

static void
add_failure (GtkWidget *list,
             CxPlan    *plan,
             CxFailure *failure)
{
  g_autoptr(GString) details = g_string_new (NULL);
  g_autofree char *recoveries = NULL;
  g_autofree char *rpn_text = NULL;
  GtkWidget *row, *badge;
  int rpn = cx_failure_get_rpn (failure);

  if (cx_failure_get_effect (failure) != NULL)
    g_string_append (details, cx_failure_get_effect (failure));

  g_string_append_printf (details, "%s", details->len > 0 ? "\n" : "");
  g_string_append_printf (details, _("Severity %d × occurrence %d × detection %d"),
                          cx_failure_get_severity (failure),
                          cx_failure_get_occurrence (failure),
                          cx_failure_get_detection (failure));

  if (cx_failure_get_leads_to (failure) != NULL)
    {
      g_string_append_c (details, '\n');
      g_string_append_printf (details, _("Leads to: %s"),
                              step_title_for_id (plan, cx_failure_get_leads_to (failure)));
    }

  recoveries = plan != NULL ? find_recoveries (plan, cx_failure_get_id (failure)) : NULL;
  g_string_append_c (details, '\n');
  if (recoveries != NULL)
    g_string_append_printf (details, _("Recovered by: %s"), recoveries);
  else
    g_string_append (details, _("No recovery step answers it"));

  row = new_row (cx_failure_get_mode (failure) != NULL ? cx_failure_get_mode (failure)
                                                       : cx_failure_get_id (failure),
                 details->str);

  rpn_text = g_strdup_printf (_("RPN %d"), rpn);
  badge = gtk_label_new (rpn_text);
  gtk_widget_set_valign (badge, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (badge, "cx-rpn");
  gtk_widget_add_css_class (badge, rpn_class (rpn));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), badge);

  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

/* ------------------------------------------------------------------ */
/* Showing a step                                                      */

static void
cx_step_panel_show_step (CxStepPanel *self)
{
  CxStep *step = self->step;
  CxPlan *plan;
  GtkWidget *list;
  g_autoptr(GString) summary = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *delivered = NULL;
  g_autofree char *emotion = NULL;
  const char *persona_name = NULL;
  guint n_lanes = 0;

  g_assert (CX_IS_STEP_PANEL (self));

  if (step == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  plan = cx_step_get_plan (step);

  gtk_label_set_text (self->title_label, cx_step_get_title (step) != NULL
                                           ? cx_step_get_title (step) : cx_step_get_id (step));

  /* "During · Store", the line under the title */
  summary = g_string_new (phase_name (cx_step_get_phase (step)));
  if (channel_name (cx_step_get_channel (step)) != NULL)
    g_string_append_printf (summary, " · %s", channel_name (cx_step_get_channel (step)));
  gtk_label_set_text (self->summary_label, summary->str);

  gtk_widget_set_visible (self->wow_label, cx_step_get_wow (step));
  gtk_widget_set_visible (self->moment_of_truth_label, cx_step_get_moment_of_truth (step));
  gtk_widget_set_visible (self->marks_box,
                          cx_step_get_wow (step) || cx_step_get_moment_of_truth (step));

  if (plan != NULL && cx_step_get_persona (step) != NULL)
    {
      GObject *persona = cx_plan_lookup_id (plan, cx_step_get_persona (step));

      persona_name = persona != NULL && CX_IS_PERSONA (persona)
                       ? cx_persona_get_name (CX_PERSONA (persona)) : cx_step_get_persona (step);
    }

  list = reset_group (self->step_group, &self->step_list);
  add_field (list, _("Phase"), phase_name (cx_step_get_phase (step)));
  add_field (list, _("Channel"), channel_name (cx_step_get_channel (step)));
  add_field (list, _("Owner"), cx_step_get_owner (step));
  add_field (list, _("Persona"), persona_name);
  add_field (list, _("Evidence"), evidence_name (cx_step_get_evidence (step)));

  expected = describe_level (cx_step_get_expected_level (step), cx_step_get_expected_text (step));
  delivered = describe_level (cx_step_get_delivered_level (step),
                              cx_step_get_delivered_text (step));
  if (cx_step_get_has_emotion (step))
    {
      int value = cx_step_get_emotion (step);
      const char *text = cx_step_get_emotion_text (step);

      /* Translators: an emotion on the scale -3..+3, then what the customer feels */
      emotion = text != NULL ? g_strdup_printf (_("%+d — %s"), value, text)
                             : g_strdup_printf ("%+d", value);
    }
  else if (cx_step_get_emotion_text (step) != NULL)
    {
      emotion = g_strdup (cx_step_get_emotion_text (step));
    }

  list = reset_group (self->experience_group, &self->experience_list);
  add_field (list, _("Expected"), expected);
  add_field (list, _("Delivered"), delivered);
  add_field (list, _("Emotion"), emotion);

  /* Cells in the order of the lanes, by the lanes' names */
  list = reset_group (self->lanes_group, &self->lanes_list);
  add_placeholder (list, _("No lane has text for this step"));
  if (plan != NULL)
    n_lanes = cx_plan_get_n_lanes (plan);
  for (guint i = 0; i < n_lanes; i++)
    {
      CxLane *lane = cx_plan_get_lane (plan, i);
      const char *text = cx_step_lookup_cell (step, cx_lane_get_id (lane));

      if (text != NULL)
        add_field (list, cx_lane_get_name (lane) != NULL ? cx_lane_get_name (lane)
                                                         : cx_lane_get_id (lane), text);
    }
  /* and cells of lanes that do not exist (CX008), under their ids */
  for (guint i = 0; i < cx_step_get_n_cells (step); i++)
    {
      const char *lane_id = cx_step_get_cell_lane (step, i);
      GObject *lane = plan != NULL ? cx_plan_lookup_id (plan, lane_id) : NULL;

      if (lane == NULL || !CX_IS_LANE (lane))
        add_field (list, lane_id, cx_step_get_cell_text (step, i));
    }

  list = reset_group (self->failures_group, &self->failures_list);
  add_placeholder (list, _("Nothing has been recorded that could go wrong here"));
  for (guint i = 0; i < cx_step_get_n_failures (step); i++)
    add_failure (list, plan, cx_step_get_failure (step, i));

  gtk_stack_set_visible_child_name (self->stack, "step");
}

CxStep *
cx_step_panel_get_step (CxStepPanel *self)
{
  g_return_val_if_fail (CX_IS_STEP_PANEL (self), NULL);

  return self->step;
}

/**
 * cx_step_panel_set_step:
 * @self: a #CxStepPanel
 * @step: (nullable): the step to show
 */
void
cx_step_panel_set_step (CxStepPanel *self,
                        CxStep      *step)
{
  g_return_if_fail (CX_IS_STEP_PANEL (self));
  g_return_if_fail (step == NULL || CX_IS_STEP (step));

  if (!g_set_object (&self->step, step))
    return;

  cx_step_panel_show_step (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STEP]);
}

/**
 * cx_step_panel_get_shown_title:
 * @self: a #CxStepPanel
 *
 * Returns: (nullable): the title the panel shows, %NULL with no step
 */
const char *
cx_step_panel_get_shown_title (CxStepPanel *self)
{
  g_return_val_if_fail (CX_IS_STEP_PANEL (self), NULL);

  return self->step != NULL ? gtk_label_get_text (self->title_label) : NULL;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cx_step_panel_dispose (GObject *object)
{
  CxStepPanel *self = CX_STEP_PANEL (object);

  g_clear_object (&self->step);

  G_OBJECT_CLASS (cx_step_panel_parent_class)->dispose (object);
}

static void
cx_step_panel_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CxStepPanel *self = CX_STEP_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      g_value_set_object (value, self->step);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_step_panel_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  CxStepPanel *self = CX_STEP_PANEL (object);

  switch (prop_id)
    {
    case PROP_STEP:
      cx_step_panel_set_step (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_step_panel_class_init (CxStepPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_step_panel_dispose;
  object_class->get_property = cx_step_panel_get_property;
  object_class->set_property = cx_step_panel_set_property;

  properties[PROP_STEP] =
    g_param_spec_object ("step", NULL, NULL, CX_TYPE_STEP,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-step-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, title_label);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, marks_box);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, wow_label);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, moment_of_truth_label);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, step_group);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, experience_group);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, lanes_group);
  gtk_widget_class_bind_template_child (widget_class, CxStepPanel, failures_group);
}

static void
cx_step_panel_init (CxStepPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cx_step_panel_new (void)
{
  return g_object_new (CX_TYPE_STEP_PANEL, NULL);
}
