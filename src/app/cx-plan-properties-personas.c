/* cx-plan-properties-personas.c — the plan's personas in its properties
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A persona's row: name, description, the mood they arrive in (the named
 * scale −3 furious … +3 delighted, or not set), its place and deleting it.
 * A persona deleted gives its steps to every persona.
 */

#define G_LOG_DOMAIN "cx-plan-properties"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-edit.h"
#include "cx-names.h"
#include "cx-plan-properties-private.h"

/* ------------------------------------------------------------------ */
static const char *
persona_name (CxPersona *persona)
{
  const char *name = cx_persona_get_name (persona);

  return name != NULL ? name : _("Untitled persona");
}

/**
 * cx_plan_delete_persona_and_say:
 * @history: the plan's history
 * @persona: a persona of the plan
 * @error: a #GError
 *
 * Returns: (transfer full) (nullable): what was deleted, for a toast
 */
char *
cx_plan_delete_persona_and_say (CxHistory  *history,
                                CxPersona  *persona,
                                GError    **error)
{
  g_autofree char *name = NULL;
  guint n_steps;

  g_return_val_if_fail (CX_IS_HISTORY (history), NULL);
  g_return_val_if_fail (CX_IS_PERSONA (persona), NULL);

  name = g_strdup (persona_name (persona));
  n_steps = cx_edit_count_persona_steps (cx_history_get_plan (history), persona);
  if (!cx_edit_delete_persona (history, persona, error))
    return NULL;

  if (n_steps == 0)
    /* Translators: a toast: "Persona “Coach” deleted" */
    return g_strdup_printf (_("Persona “%s” deleted"), name);

  /* Translators: a toast: "Persona “Coach” deleted: its 4 steps are now every persona’s" */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "Persona “%s” deleted: its step is now every persona’s",
                                       "Persona “%s” deleted: its %u steps are now every "
                                       "persona’s", n_steps),
                          name, n_steps);
}

static void
on_description_changed (AdwEntryRow *row,
                        CxItemRow   *item)
{
  g_autoptr(GError) error = NULL;
  CxPlanProperties *self = item->self;

  if (self->syncing)
    return;

  cx_edit_set_text (self->history, item->object, "description",
                    gtk_editable_get_text (GTK_EDITABLE (row)), CX_EDIT_MERGE, &error);
  _cx_plan_properties_refused (GTK_WIDGET (row), error);
}

/* A persona: name, description, arriving mood, and deleting it */

static void
on_mood_selected (AdwComboRow *row,
                  GParamSpec  *pspec,
                  CxItemRow   *item)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (row);

  if (item->self->syncing || selected == GTK_INVALID_LIST_POSITION)
    return;

  /* "Not set", then −3 … +3 */
  cx_edit_set_mood (item->self->history, CX_PERSONA (item->object), selected > 0,
                    (int) selected - 1 + CX_EMOTION_MIN, &error);
  _cx_plan_properties_refused (GTK_WIDGET (row), error);
}

GtkWidget *
_cx_plan_properties_persona_row_new (CxPlanProperties *self,
                                     GObject          *object)
{
  CxItemRow *item = _cx_item_row_new (self, object);
  g_autoptr(GtkStringList) moods = gtk_string_list_new (NULL);

  item->name_row = _cx_item_row_add_name (item);
  item->description_row = _cx_item_row_add_entry (item, _("Description"), G_CALLBACK (on_description_changed));

  gtk_string_list_append (moods, cx_name_emotion (FALSE, 0));
  for (int mood = CX_EMOTION_MIN; mood <= CX_EMOTION_MAX; mood++)
    gtk_string_list_append (moods, cx_name_emotion (TRUE, mood));
  item->mood_row = ADW_COMBO_ROW (adw_combo_row_new ());
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->mood_row), _("Arriving Mood"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (item->mood_row),
                               _("How the customer feels before the first contact"));
  adw_combo_row_set_model (item->mood_row, G_LIST_MODEL (moods));
  g_signal_connect (item->mood_row, "notify::selected", G_CALLBACK (on_mood_selected), item);
  adw_expander_row_add_row (item->row, GTK_WIDGET (item->mood_row));

  _cx_item_row_add_moving (item);
  _cx_item_row_add_delete (item, _("Delete Persona"),
                  _("Its steps become every persona’s; undo gives them back"));

  return GTK_WIDGET (item->row);
}

void
_cx_plan_properties_sync_persona_row (CxItemRow *item)
{
  CxPersona *persona = CX_PERSONA (item->object);
  CxPlanProperties *self = item->self;
  gboolean has_mood = cx_persona_get_has_mood (persona);
  int mood = cx_persona_get_mood (persona);
  guint position = has_mood ? (guint) (mood - CX_EMOTION_MIN + 1) : 0;
  g_autofree char *subtitle = NULL;

  /* Translators: a persona's arriving mood, as in "Arrives −1 · Uneasy" */
  subtitle = has_mood ? g_strdup_printf (_("Arrives %s"), cx_name_emotion (TRUE, mood))
                      : g_strdup (_("Arriving mood not set"));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (item->row), persona_name (persona));
  adw_expander_row_set_subtitle (item->row, subtitle);
  _cx_plan_properties_set_row_text (self, item->name_row, cx_persona_get_name (persona));
  _cx_plan_properties_set_row_text (self, item->description_row,
                                    cx_persona_get_description (persona));
  if (adw_combo_row_get_selected (item->mood_row) != position)
    {
      self->syncing = TRUE;
      adw_combo_row_set_selected (item->mood_row, position);
      self->syncing = FALSE;
    }
}

/**
 * cx_plan_properties_edit_persona:
 * @self: a #CxPlanProperties
 * @persona: a persona of the plan
 *
 * Shows the Personas page with @persona's row open and its name ready to
 * type.
 */
void
cx_plan_properties_edit_persona (CxPlanProperties *self,
                                 CxPersona        *persona)
{
  GtkWidget *row;

  g_return_if_fail (CX_IS_PLAN_PROPERTIES (self));
  g_return_if_fail (CX_IS_PERSONA (persona));

  g_clear_handle_id (&self->rebuild_source, g_source_remove);
  _cx_plan_properties_lists_rebuild (self);

  row = g_hash_table_lookup (self->persona_rows, persona);
  g_return_if_fail (row != NULL);

  cx_plan_properties_show_page (self, CX_PLAN_PROPERTIES_PERSONAS);
  _cx_plan_properties_edit_row (self, row);
}

/**
 * cx_plan_properties_add_persona:
 * @self: a #CxPlanProperties
 *
 * Adds a persona at the end, and opens it with its name ready to type.
 *
 * Returns: (transfer none) (nullable): the persona
 */
CxPersona *
cx_plan_properties_add_persona (CxPlanProperties *self)
{
  g_autoptr(GError) error = NULL;
  CxPersona *persona;

  g_return_val_if_fail (CX_IS_PLAN_PROPERTIES (self), NULL);

  persona = cx_edit_add_persona (self->history, NULL, &error);
  if (persona == NULL)
    {
      adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self),
                                        adw_toast_new (error->message));
      return NULL;
    }

  cx_plan_properties_edit_persona (self, persona);
  return persona;
}
