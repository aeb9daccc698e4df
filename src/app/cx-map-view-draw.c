/* cx-map-view-draw.c — drawing the journey map on screen
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * snapshot() draws only what is in view, in up to four pieces: the map
 * as scrolled; over it the top rows (phase bands, step headers), pinned
 * at the top once the map is scrolled down; the lane-name column at the
 * left; and the corner where the two meet. The pinned pieces are kept
 * as render nodes and drawn again only when what they show changed, so
 * scrolling down redraws only the map under the top rows, and scrolling
 * sideways leaves the lane names as they were.
 */

#define G_LOG_DOMAIN "cx-map-view"

#include "config.h"

#include <math.h>
#include <string.h>

#include <adwaita.h>

#include "cx-map-view-private.h"

/* ------------------------------------------------------------------ */
/* Where the pinned rows are                                           */

/**
 * cx_map_view_get_pinned_height:
 * @self: a #CxMapView
 *
 * The top rows of the map (the phase bands and the step headers) stay at
 * the top of the view as it scrolls down, as the lane names stay at its
 * left; unless they would take more than half of it (a short window, a
 * large zoom): then the map scrolls whole.
 *
 * Returns: the height in pixels of the pinned top rows, or 0
 */
double
cx_map_view_get_pinned_height (CxMapView *self)
{
  double top;

  g_return_val_if_fail (CX_IS_MAP_VIEW (self), 0);

  if (self->layout == NULL)
    return 0;

  top = cx_map_layout_get_top_height (self->layout) * self->zoom;
  return top <= gtk_widget_get_height (GTK_WIDGET (self)) / 2.0 ? top : 0;
}

/**
 * _cx_map_view_widget_to_map:
 * @self: a #CxMapView
 * @x: a point of the widget
 * @y: a point of the widget
 * @map_x: (out): where it is on the map
 * @map_y: (out): where it is on the map
 *
 * From the widget's pixels to the map's units, through the pinned top
 * rows where they cover the map: a click on a pinned step header is on
 * that header, however far the map has scrolled down.
 */
void
_cx_map_view_widget_to_map (CxMapView *self,
                            double     x,
                            double     y,
                            double    *map_x,
                            double    *map_y)
{
  *map_x = (_cx_map_view_adjustment_value (self->hadjustment) + x) / self->zoom;
  if (y < cx_map_view_get_pinned_height (self))
    *map_y = y / self->zoom;
  else
    *map_y = (_cx_map_view_adjustment_value (self->vadjustment) + y) / self->zoom;
}

/**
 * _cx_map_view_map_to_widget:
 * @self: a #CxMapView
 * @map_rect: a rectangle of the map
 * @rect: (out): where it shows in the widget, in the pinned top rows for
 *   what is in them while they are pinned
 */
void
_cx_map_view_map_to_widget (CxMapView               *self,
                            const cairo_rectangle_t *map_rect,
                            graphene_rect_t         *rect)
{
  double top = self->layout != NULL ? cx_map_layout_get_top_height (self->layout) : 0;
  double scroll_y = _cx_map_view_adjustment_value (self->vadjustment);
  gboolean pinned = scroll_y > 0 && cx_map_view_get_pinned_height (self) > 0
                    && map_rect->y < top;

  rect->origin.x = map_rect->x * self->zoom - _cx_map_view_adjustment_value (self->hadjustment);
  rect->origin.y = map_rect->y * self->zoom - (pinned ? 0 : scroll_y);
  rect->size.width = map_rect->width * self->zoom;
  rect->size.height = map_rect->height * self->zoom;
}

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

/* The lane-name column, drawn again only when what it shows changed */
static GskRenderNode *
cx_map_view_get_header_node (CxMapView        *self,
                             const CxMapTheme *theme,
                             double            header_width,
                             double            height,
                             double            map_y)
{
  CxMapRenderOptions options = { theme, self->selected, self->zoom };
  double key[4] = { self->zoom, map_y, header_width, height };
  cairo_rectangle_t area = { 0, map_y, header_width / self->zoom, height / self->zoom };
  GtkSnapshot *snapshot;
  cairo_t *cr;

  if (self->header_node != NULL && self->header_theme == theme &&
      memcmp (key, self->header_key, sizeof key) == 0)
    return self->header_node;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, header_width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, 0, -map_y);
  cx_map_render_lane_headers (self->layout, cr, &area, &options);
  cairo_destroy (cr);

  g_clear_pointer (&self->header_node, gsk_render_node_unref);
  self->header_node = gtk_snapshot_free_to_node (snapshot);
  self->header_theme = theme;
  memcpy (self->header_key, key, sizeof key);

  return self->header_node;
}

/**
 * cx_map_view_get_theme:
 * @self: a #CxMapView
 *
 * The map follows the style the system asks for: light or dark, and high
 * contrast when the accessibility setting is on.
 *
 * Returns: (transfer none): the palette the map is drawn in
 */
const CxMapTheme *
cx_map_view_get_theme (CxMapView *self)
{
  AdwStyleManager *style_manager = adw_style_manager_get_default ();
  CxMapStyle style = CX_MAP_STYLE_LIGHT;

  g_return_val_if_fail (CX_IS_MAP_VIEW (self), NULL);

  if (adw_style_manager_get_dark (style_manager))
    style |= CX_MAP_STYLE_DARK;
  if (adw_style_manager_get_high_contrast (style_manager))
    style |= CX_MAP_STYLE_HIGH_CONTRAST;

  return cx_map_theme_get_for (style);
}

/* The pinned top rows, drawn again only when what they show changed:
 * scrolling down leaves them as they were */
static GskRenderNode *
cx_map_view_get_top_node (CxMapView        *self,
                          const CxMapTheme *theme,
                          double            header_width,
                          double            width,
                          double            height,
                          double            map_x)
{
  CxMapRenderOptions options = { theme, self->selected, self->zoom };
  double key[4] = { self->zoom, map_x, width, height };
  cairo_rectangle_t area = { map_x, 0, (width - header_width) / self->zoom,
                             height / self->zoom };
  GtkSnapshot *snapshot;
  cairo_t *cr;

  if (self->top_node != NULL && self->top_theme == theme && self->top_selected == self->selected
      && memcmp (key, self->top_key, sizeof key) == 0)
    return self->top_node;

  snapshot = gtk_snapshot_new ();
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (header_width, 0,
                                                                 width - header_width, height));
  cairo_translate (cr, header_width, 0);
  cairo_scale (cr, self->zoom, self->zoom);
  cairo_translate (cr, -map_x, 0);
  cx_map_render_top_rows (self->layout, cr, &area, &options);
  cairo_destroy (cr);

  g_clear_pointer (&self->top_node, gsk_render_node_unref);
  self->top_node = gtk_snapshot_free_to_node (snapshot);
  self->top_theme = theme;
  self->top_selected = self->selected;
  memcpy (self->top_key, key, sizeof key);

  return self->top_node;
}

/* The corner over the lane names and the pinned rows: it changes only
 * with the zoom */
static void
cx_map_view_append_corner (CxMapView        *self,
                           GtkSnapshot      *snapshot,
                           const CxMapTheme *theme,
                           double            header_width,
                           double            height)
{
  CxMapRenderOptions options = { theme, NULL, self->zoom };
  cairo_t *cr;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, header_width, height));
  cairo_scale (cr, self->zoom, self->zoom);
  cx_map_render_corner (self->layout, cr, &options);
  cairo_destroy (cr);
}

void
_cx_map_view_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CxMapView *self = CX_MAP_VIEW (widget);
  const CxMapTheme *theme = cx_map_view_get_theme (self);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  double header_width, scroll_x, scroll_y, pinned;
  CxMapRenderOptions options = { theme, self->selected, self->zoom };
  cairo_rectangle_t area;
  GdkRGBA background = {
    theme->background.red, theme->background.green,
    theme->background.blue, theme->background.alpha,
  };
  cairo_t *cr;

  gtk_snapshot_append_color (snapshot, &background, &GRAPHENE_RECT_INIT (0, 0, width, height));

  if (self->layout == NULL)
    return;

  scroll_x = _cx_map_view_adjustment_value (self->hadjustment);
  scroll_y = _cx_map_view_adjustment_value (self->vadjustment);
  header_width = MIN (_cx_map_view_get_header_width (self), width);
  /* Not scrolled down, the top rows are where the map has them: drawn
   * with it, in one piece */
  pinned = scroll_y > 0 ? cx_map_view_get_pinned_height (self) : 0;

  /* The visible rectangle right of the lane names and under the pinned
   * rows, in map units: the map there, as it scrolls */
  area.x = (scroll_x + header_width) / self->zoom;
  area.y = (scroll_y + pinned) / self->zoom;
  area.width = (width - header_width) / self->zoom;
  area.height = (height - pinned) / self->zoom;
  if (header_width < width && pinned < height)
    {
      cr = gtk_snapshot_append_cairo (snapshot,
                                      &GRAPHENE_RECT_INIT (header_width, pinned,
                                                           width - header_width,
                                                           height - pinned));
      cairo_translate (cr, header_width, 0);
      cairo_scale (cr, self->zoom, self->zoom);
      cairo_translate (cr, -area.x, -scroll_y / self->zoom);
      cx_map_render (self->layout, cr, &area, &options);
      cairo_destroy (cr);
    }

  /* The top rows over it, where they always are */
  if (pinned > 0 && header_width < width)
    gtk_snapshot_append_node (snapshot, cx_map_view_get_top_node (self, theme, header_width,
                                                                  width, pinned, area.x));

  /* The keyboard's cursor and a step being dragged, on the map or the
   * pinned rows; a cell's cursor goes under them, as the cell does */
  if (pinned > 0 && self->cursor_lane != NULL)
    gtk_snapshot_push_clip (snapshot, &GRAPHENE_RECT_INIT (0, pinned, width, height - pinned));
  _cx_map_view_snapshot_cursor (self, snapshot);
  if (pinned > 0 && self->cursor_lane != NULL)
    gtk_snapshot_pop (snapshot);
  _cx_map_view_snapshot_drag (self, snapshot);

  /* The lane names, over whatever scrolled under them */
  if (header_width > 0)
    {
      gtk_snapshot_append_node (snapshot,
                                cx_map_view_get_header_node (self, theme, header_width, height,
                                                             scroll_y / self->zoom));
      if (pinned > 0)
        cx_map_view_append_corner (self, snapshot, theme, header_width, pinned);
    }

  /* Soft edges say the map goes on under the column and the top rows */
  if (scroll_x > 0)
    {
      GskColorStop stops[] = {
        { 0.0, { 0, 0, 0, theme->dark ? 0.35f : 0.12f } },
        { 1.0, { 0, 0, 0, 0 } },
      };

      gtk_snapshot_append_linear_gradient (snapshot,
                                           &GRAPHENE_RECT_INIT (header_width, 0, 6, height),
                                           &GRAPHENE_POINT_INIT (header_width, 0),
                                           &GRAPHENE_POINT_INIT (header_width + 6, 0),
                                           stops, G_N_ELEMENTS (stops));
    }
  if (pinned > 0 && scroll_y > 0)
    {
      GskColorStop stops[] = {
        { 0.0, { 0, 0, 0, theme->dark ? 0.35f : 0.12f } },
        { 1.0, { 0, 0, 0, 0 } },
      };

      gtk_snapshot_append_linear_gradient (snapshot,
                                           &GRAPHENE_RECT_INIT (0, pinned, width, 6),
                                           &GRAPHENE_POINT_INIT (0, pinned),
                                           &GRAPHENE_POINT_INIT (0, pinned + 6),
                                           stops, G_N_ELEMENTS (stops));
    }

  /* The editor open in place, over everything */
  _cx_map_view_snapshot_editor (self, snapshot);
}
