/* cx-window-narrow.c — the window from GNOME's smallest width up
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Wide, the side panel sits beside the map. Narrower than the map and the
 * panel both need, it folds into an overlay over the map, shown and
 * hidden by the panel button and F9 (and by what opens it: a step to
 * edit, the findings), without changing the user's choice for wide
 * windows. Narrower still, the header bar folds (AdwSqueezer, in the
 * .ui): the Open button becomes an icon and the findings' counts one
 * badge of the most severe.
 *
 * libadwaita 1.2 has no breakpoints: the window watches its own width as
 * it is allocated and folds the panel after that allocation.
 */

#define G_LOG_DOMAIN "cx-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-window-private.h"

/* Below this width the side panel folds over the map */
#define FOLD_WIDTH    860
/* … and below this one the lane-name column narrows */
#define NARROW_WIDTH  600

gboolean
_cx_window_get_folded (CxWindow *self)
{
  return adw_flap_get_folded (self->flap);
}

/* The side panel shown as the user wants it: beside the map when there is
 * room for both (their choice, saved), over it when folded (for now) */
void
_cx_window_reveal_side_panel (CxWindow *self,
                              gboolean  reveal)
{
  if (_cx_window_get_folded (self))
    {
      adw_flap_set_reveal_flap (self->flap, reveal);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (self->side_panel_button), reveal);
      return;
    }

  g_object_set (self, "show-side-panel", reveal, NULL);
}

gboolean
_cx_window_get_side_panel_revealed (CxWindow *self)
{
  return adw_flap_get_reveal_flap (self->flap);
}

static void
on_folded (CxWindow *self)
{
  /* Folding hides the overlay; unfolding shows the panel as chosen */
  adw_flap_set_reveal_flap (self->flap, _cx_window_get_folded (self) ? FALSE
                                                                      : self->show_side_panel);
}

static void
on_show_side_panel (CxWindow *self)
{
  if (!_cx_window_get_folded (self))
    adw_flap_set_reveal_flap (self->flap, self->show_side_panel);
}

static void
apply_width (CxWindow *self)
{
  gboolean fold = self->width < FOLD_WIDTH;

  adw_flap_set_fold_policy (self->flap, fold ? ADW_FLAP_FOLD_POLICY_ALWAYS
                                             : ADW_FLAP_FOLD_POLICY_NEVER);
  cx_map_view_set_narrow (self->map_view, self->width < NARROW_WIDTH);
}

static gboolean
apply_width_idle (gpointer user_data)
{
  CxWindow *self = user_data;

  self->width_source = 0;
  apply_width (self);

  return G_SOURCE_REMOVE;
}

/* Called with the window's width as it is allocated: what depends on it
 * changes after this allocation, not in the middle of it */
void
_cx_window_narrow_allocated (CxWindow *self,
                             int       width)
{
  gboolean changed = (width < FOLD_WIDTH) != (self->width < FOLD_WIDTH)
                     || (width < NARROW_WIDTH) != (self->width < NARROW_WIDTH)
                     || self->width == 0;

  self->width = width;
  if (changed && self->width_source == 0)
    self->width_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_width_idle,
                                          g_object_ref (self), g_object_unref);
}

/* Before the window is shown, the width asked for decides: a window
 * that folded only once it was allocated narrow could not open as
 * narrow as a folded one can be (a phone, a tiled half screen) */
static void
on_default_width (CxWindow *self)
{
  int width, height;

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    return;

  /* GTK 4.8 wants both */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  if (width > 0)
    {
      self->width = width;
      apply_width (self);
    }
}

/* The findings' counts in one badge: the most severe kind and how many */
void
_cx_window_narrow_update_counts (CxWindow    *self,
                                 const guint  counts[3])
{
  static const char *const icons[] = {
    "dialog-information-symbolic", "dialog-warning-symbolic", "dialog-error-symbolic"
  };
  static const char *const classes[] = { "accent", "warning", "error" };
  int worst = counts[CX_SEVERITY_ERROR] > 0 ? CX_SEVERITY_ERROR
              : counts[CX_SEVERITY_WARNING] > 0 ? CX_SEVERITY_WARNING : CX_SEVERITY_INFO;
  char text[16];

  g_snprintf (text, sizeof text, "%u", counts[0] + counts[1] + counts[2]);
  gtk_label_set_text (self->compact_count_label, text);
  gtk_image_set_from_icon_name (self->compact_count_icon, icons[worst]);
  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->compact_count_icon), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->compact_count_icon), classes[worst]);
}

void
_cx_window_narrow_init (CxWindow *self)
{
  g_signal_connect_swapped (self->flap, "notify::folded", G_CALLBACK (on_folded), self);
  g_signal_connect (self, "notify::show-side-panel", G_CALLBACK (on_show_side_panel), NULL);
  g_signal_connect (self, "notify::default-width", G_CALLBACK (on_default_width), NULL);
  on_default_width (self);
}

void
_cx_window_narrow_dispose (CxWindow *self)
{
  g_clear_handle_id (&self->width_source, g_source_remove);
}
