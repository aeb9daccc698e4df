/* cx-findings-panel-filter.c — narrowing the findings list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A severity, a check (of those that have findings now), a search of the
 * message, the check's id and the step's title, and the journey shown:
 * one filter asks them all (cx-findings-filter.c). The header's counts
 * are the window's, of the whole plan: narrowing the list leaves them.
 * When the filters hide every finding, the list says so, with a way to
 * clear them.
 */

#define G_LOG_DOMAIN "cx-findings-panel"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-finding-item.h"
#include "cx-findings-panel-private.h"

/* The heading says how many accepted findings the list shows now */
static void
recount_accepted (CxFindingsPanel *self)
{
  guint n_store = g_list_model_get_n_items (G_LIST_MODEL (self->store));
  gboolean filtering = cx_findings_filter_is_active (&self->criteria);
  CxFindingEntry heading = { NULL, 0 };

  if (!_cx_findings_panel_have_heading (self))
    return;

  for (guint i = self->n_active + 1; i < n_store; i++)
    {
      const CxFinding *finding = cx_finding_store_get (self->store, i)->finding;

      heading.n_accepted += !filtering ||
                            cx_findings_filter_match (&self->criteria, self->plan, finding);
    }
  cx_finding_store_splice (self->store, self->n_active, 1, &heading, 1);
}

void
_cx_findings_panel_show_list_or_none (CxFindingsPanel *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
  gboolean narrows = cx_findings_filter_narrows (&self->criteria);

  if (n > 0)
    gtk_stack_set_visible_child_name (self->stack, "list");
  else if (g_list_model_get_n_items (G_LIST_MODEL (self->store)) == 0)
    gtk_stack_set_visible_child_name (self->stack, "none");
  else
    {
      gtk_label_set_text (self->none_match_label,
                          narrows ? _("The filters hide every finding of this plan")
                                  : _("None of the plan’s findings is in the journey shown"));
      gtk_widget_set_visible (self->clear_button, narrows);
      gtk_stack_set_visible_child_name (self->stack, "none-match");
    }
}

/* The filter's criteria changed: the list follows */
void
_cx_findings_panel_refilter (CxFindingsPanel *self)
{
  recount_accepted (self);
  if (!cx_findings_filter_is_active (&self->criteria))
    gtk_filter_list_model_set_filter (self->filtered, NULL);
  else if (gtk_filter_list_model_get_filter (self->filtered) == NULL)
    gtk_filter_list_model_set_filter (self->filtered, GTK_FILTER (self->filter));
  else
    gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  _cx_findings_panel_show_list_or_none (self);
}

/* The check dropdown lists the checks that have findings now. Returns
 * whether the check chosen went, so the list shows every check again. */
gboolean
_cx_findings_panel_update_checks (CxFindingsPanel *self,
                                  GPtrArray       *findings)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  guint32 present = 0;
  guint selected = 0;
  gboolean lost;

  for (guint i = 0; findings != NULL && i < findings->len; i++)
    present |= 1u << ((CxFinding *) g_ptr_array_index (findings, i))->check;
  if (present == self->checks_present)
    return FALSE;

  lost = self->criteria.check != CX_FINDINGS_FILTER_ANY &&
         !(present & (1u << self->criteria.check));
  if (lost)
    self->criteria.check = CX_FINDINGS_FILTER_ANY;

  self->checks_present = present;
  self->syncing_checks = TRUE;
  for (CxCheckId check = 0, n = 0; check < CX_N_CHECKS; check++)
    {
      const CxCheckInfo *info = cx_check_info (check);

      if (!(present & (1u << check)))
        continue;
      self->check_ids[n++] = check;
      if ((int) check == self->criteria.check)
        selected = n;
      g_ptr_array_add (names, g_strdup_printf ("%s %s", info->id, info->name));
    }
  g_ptr_array_add (names, NULL);
  gtk_string_list_splice (self->checks, 1,
                          g_list_model_get_n_items (G_LIST_MODEL (self->checks)) - 1,
                          (const char * const *) names->pdata);
  gtk_drop_down_set_selected (self->check_dropdown, selected);
  self->syncing_checks = FALSE;

  return lost;
}

/* ------------------------------------------------------------------ */
/* Narrowing the list                                                  */

void
_cx_findings_panel_on_severity_selected (CxFindingsPanel *self)
{
  static const int severities[] = {
    CX_FINDINGS_FILTER_ANY, CX_SEVERITY_ERROR, CX_SEVERITY_WARNING, CX_SEVERITY_INFO
  };
  guint selected = gtk_drop_down_get_selected (self->severity_dropdown);
  int severity = selected < G_N_ELEMENTS (severities) ? severities[selected]
                                                      : CX_FINDINGS_FILTER_ANY;

  if (severity == self->criteria.severity)
    return;

  self->criteria.severity = severity;
  _cx_findings_panel_refilter (self);
}

void
_cx_findings_panel_on_check_selected (CxFindingsPanel *self)
{
  guint selected = gtk_drop_down_get_selected (self->check_dropdown);
  int check = selected > 0 && selected != GTK_INVALID_LIST_POSITION
              ? (int) self->check_ids[selected - 1] : CX_FINDINGS_FILTER_ANY;

  if (self->syncing_checks || check == self->criteria.check)
    return;

  self->criteria.check = check;
  _cx_findings_panel_refilter (self);
}

void
_cx_findings_panel_on_search_changed (CxFindingsPanel *self)
{
  if (cx_findings_filter_set_search (&self->criteria, gtk_editable_get_text (self->search_entry)))
    _cx_findings_panel_refilter (self);
}

void
_cx_findings_panel_on_clear_clicked (CxFindingsPanel *self)
{
  cx_findings_panel_clear_filters (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->list_view));
}

/**
 * _cx_findings_panel_reset_filters:
 * @self: a #CxFindingsPanel
 *
 * Lets every severity and check through again, and ends the search, as
 * for another plan; the list is left to the caller to filter again.
 *
 * Returns: whether the filters narrowed the list
 */
gboolean
_cx_findings_panel_reset_filters (CxFindingsPanel *self)
{
  gboolean narrowed = cx_findings_filter_narrows (&self->criteria);

  /* The criteria first: the controls then tell of no change */
  self->criteria.severity = CX_FINDINGS_FILTER_ANY;
  self->criteria.check = CX_FINDINGS_FILTER_ANY;
  cx_findings_filter_set_search (&self->criteria, NULL);
  gtk_drop_down_set_selected (self->severity_dropdown, 0);
  gtk_drop_down_set_selected (self->check_dropdown, 0);
  gtk_editable_set_text (self->search_entry, "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);

  return narrowed;
}

/**
 * cx_findings_panel_clear_filters:
 * @self: a #CxFindingsPanel
 *
 * Shows the findings of every severity and check again, and ends the
 * search (the journey shown stays: it is the window's).
 */
void
cx_findings_panel_clear_filters (CxFindingsPanel *self)
{
  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));

  gtk_drop_down_set_selected (self->severity_dropdown, 0);
  gtk_drop_down_set_selected (self->check_dropdown, 0);
  gtk_editable_set_text (self->search_entry, "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
  /* The entry tells of its change later: the list follows now */
  _cx_findings_panel_on_search_changed (self);
}

/**
 * cx_findings_panel_set_persona:
 * @self: a #CxFindingsPanel
 * @plan: (nullable): the plan whose findings are listed
 * @persona_id: (nullable): a persona of @plan, to list only the findings
 *   of its journey (its steps, every persona's steps, and what is not of
 *   a step); %NULL for every finding
 */
void
cx_findings_panel_set_persona (CxFindingsPanel *self,
                               CxPlan          *plan,
                               const char      *persona_id)
{
  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));
  g_return_if_fail (plan == NULL || CX_IS_PLAN (plan));

  g_set_object (&self->plan, plan);
  if (g_strcmp0 (self->criteria.persona, persona_id) == 0)
    return;

  g_free (self->criteria.persona);
  self->criteria.persona = g_strdup (persona_id);
  _cx_findings_panel_refilter (self);
}

/* ------------------------------------------------------------------ */
/* The check dropdown                                                  */

static void
setup_check_label (GtkSignalListItemFactory *factory,
                   GtkListItem              *list_item,
                   gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  /* In the button, a long check name gives way: the panel keeps its width */
  if (GPOINTER_TO_INT (user_data))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_list_item_set_child (list_item, label);
}

static void
bind_check_label (GtkSignalListItemFactory *factory,
                  GtkListItem              *list_item,
                  gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static GtkListItemFactory *
check_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_check_label),
                    GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_check_label), NULL);

  return factory;
}

/**
 * _cx_findings_panel_init_check_dropdown:
 * @self: a #CxFindingsPanel
 *
 * Gives the check dropdown its list: "All Checks", then the checks that
 * have findings, by id and name.
 */
void
_cx_findings_panel_init_check_dropdown (CxFindingsPanel *self)
{
  g_autoptr(GtkListItemFactory) button_factory = check_factory (TRUE);
  g_autoptr(GtkListItemFactory) list_factory = check_factory (FALSE);

  self->checks = gtk_string_list_new (NULL);
  gtk_string_list_append (self->checks, _("All Checks"));
  gtk_drop_down_set_factory (self->check_dropdown, button_factory);
  gtk_drop_down_set_list_factory (self->check_dropdown, list_factory);
  gtk_drop_down_set_model (self->check_dropdown, G_LIST_MODEL (self->checks));
}
