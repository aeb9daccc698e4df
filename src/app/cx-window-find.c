/* cx-window-find.c — Ctrl+F: finding a step, a cell or a failure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A search bar over the map. What is typed is looked for in the plan's
 * texts (cx-search.h) as it is typed; the map jumps to the first match
 * from the step selected on, Enter and Ctrl+G go to the next, Shift+Enter
 * and Shift+Ctrl+G to the one before, and Escape closes the bar and gives
 * the keyboard back to the map, where the match found stays selected.
 */

#define G_LOG_DOMAIN "cx-window-find"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-search.h"
#include "cx-window-private.h"

static void
show_match (CxWindow *self)
{
  const CxSearchMatch *match;
  CxMapLayout *layout;
  cairo_rectangle_t rect;
  g_autofree char *count = NULL;

  if (self->find_matches == NULL || self->find_matches->len == 0)
    {
      const char *text = gtk_editable_get_text (GTK_EDITABLE (self->find_entry));

      gtk_label_set_text (self->find_count_label, *text != '\0' ? _("No match") : "");
      if (*text != '\0')
        gtk_widget_add_css_class (GTK_WIDGET (self->find_entry), "error");
      else
        gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->find_entry), "error");
  match = &g_array_index (self->find_matches, CxSearchMatch, self->find_index);
  /* Translators: the match shown of all those found, "2 of 5" */
  count = g_strdup_printf (_("%u of %u"), self->find_index + 1, self->find_matches->len);
  gtk_label_set_text (self->find_count_label, count);

  cx_map_view_set_selected_step (self->map_view, match->step);
  cx_map_view_set_cursor_lane (self->map_view, match->kind == CX_SEARCH_CELL ? match->lane : NULL);
  layout = cx_map_view_get_layout (self->map_view);
  if (match->kind == CX_SEARCH_FAILURE && layout != NULL &&
      cx_map_layout_get_failure_rect (layout, match->failure, &rect))
    cx_map_view_reveal (self->map_view, &rect);
}

/* Looks again, from the selected step on */
static void
find_again (CxWindow *self)
{
  CxStep *from = cx_map_view_get_selected_step (self->map_view);
  CxMapLayout *layout = cx_map_view_get_layout (self->map_view);
  int from_index = from != NULL && layout != NULL ? cx_map_layout_get_step_index (layout, from) : -1;

  g_clear_pointer (&self->find_matches, g_array_unref);
  self->find_index = 0;
  if (self->document == NULL)
    return;

  self->find_matches = cx_plan_search (cx_document_get_plan (self->document),
                                       gtk_editable_get_text (GTK_EDITABLE (self->find_entry)));
  for (guint i = 0; layout != NULL && from_index >= 0 && i < self->find_matches->len; i++)
    {
      CxStep *step = g_array_index (self->find_matches, CxSearchMatch, i).step;

      if (cx_map_layout_get_step_index (layout, step) >= from_index)
        {
          self->find_index = i;
          break;
        }
    }
  show_match (self);
}

static void
step_match (CxWindow *self,
            int       delta)
{
  guint n;

  /* After an edit, the first match from the selection on */
  if (self->find_matches == NULL)
    {
      find_again (self);
      return;
    }
  if (self->find_matches->len == 0)
    return;

  n = self->find_matches->len;
  self->find_index = (self->find_index + n + delta) % n;
  show_match (self);
}

static void
step_match_next (CxWindow *self)
{
  step_match (self, +1);
}

static void
step_match_previous (CxWindow *self)
{
  step_match (self, -1);
}

static void
find_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);

  if (self->document == NULL)
    return;

  gtk_search_bar_set_search_mode (self->find_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->find_entry));
  gtk_editable_select_region (GTK_EDITABLE (self->find_entry), 0, -1);
}

static void
find_next_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  step_match (CX_WINDOW (user_data), +1);
}

static void
find_previous_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  step_match (CX_WINDOW (user_data), -1);
}

static void
on_search_changed (CxWindow *self)
{
  find_again (self);
}

static void
on_stop_search (CxWindow *self)
{
  gtk_search_bar_set_search_mode (self->find_bar, FALSE);
  gtk_widget_grab_focus (GTK_WIDGET (self->map_view));
}

/* The plan changed: the matches found are looked for again when next asked */
void
_cx_window_find_forget (CxWindow *self)
{
  g_clear_pointer (&self->find_matches, g_array_unref);
}

static const GActionEntry find_actions[] = {
  { "find", find_action },
  { "find-next", find_next_action },
  { "find-previous", find_previous_action },
};

void
_cx_window_find_init (CxWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), find_actions,
                                   G_N_ELEMENTS (find_actions), self);
  gtk_search_bar_connect_entry (self->find_bar, GTK_EDITABLE (self->find_entry));
  g_signal_connect_swapped (self->find_entry, "search-changed",
                            G_CALLBACK (on_search_changed), self);
  g_signal_connect_swapped (self->find_entry, "activate", G_CALLBACK (step_match_next), self);
  g_signal_connect_swapped (self->find_entry, "next-match", G_CALLBACK (step_match_next), self);
  g_signal_connect_swapped (self->find_entry, "previous-match",
                            G_CALLBACK (step_match_previous), self);
  g_signal_connect_swapped (self->find_entry, "stop-search", G_CALLBACK (on_stop_search), self);
}

void
_cx_window_find_dispose (CxWindow *self)
{
  g_clear_pointer (&self->find_matches, g_array_unref);
}

void
_cx_window_find_update (CxWindow *self)
{
  gboolean have_plan = self->document != NULL;

  _cx_window_set_action_enabled (self, "find", have_plan);
  _cx_window_set_action_enabled (self, "find-next", have_plan);
  _cx_window_set_action_enabled (self, "find-previous", have_plan);
  if (!have_plan)
    {
      gtk_search_bar_set_search_mode (self->find_bar, FALSE);
      _cx_window_find_forget (self);
    }
}
