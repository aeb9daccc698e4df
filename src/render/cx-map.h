/* cx-map.h — the journey map: layout, drawing, export
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One renderer for the window, `cxplan-tool export` and printing, so what
 * is printed is what is on screen. cairo + pango only: no GTK here.
 *
 * Coordinates are "map units" (1 unit = 1 px at zoom 1 = 1 pt in PDF/SVG),
 * with the origin at the top left of the whole map, lane-name column and
 * phase bands included. The geometry depends on the plan's structure only
 * (steps, lanes), never on text: columns have one width, rows one height a
 * lane kind, text is wrapped and ellipsized into its cell when drawn. So a
 * layout of 10,000 steps is pure arithmetic, and drawing touches only the
 * columns that meet the area asked for.
 */

#pragma once

#include <cairo.h>
#include <pango/pangocairo.h>

#include "cx-check.h"
#include "cx-model.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Theme                                                               */

typedef struct
{
  double red, green, blue, alpha;
} CxColor;

/* The styles the map is drawn in: light or dark, each plain or in high
 * contrast (GNOME's a11y high-contrast setting) */
typedef enum
{
  CX_MAP_STYLE_LIGHT         = 0,
  CX_MAP_STYLE_DARK          = 1 << 0,
  CX_MAP_STYLE_HIGH_CONTRAST = 1 << 1,
} CxMapStyle;

#define CX_MAP_N_STYLES 4

typedef struct
{
  gboolean    dark;
  gboolean    high_contrast;   /* solid, thicker lines; text at 7:1 or more */
  double      min_contrast;    /* what every text keeps against its ground: 4.5 or 7 */
  double      line_scale;      /* borders and lines: 1, or thicker in high contrast */
  const char *font_family;     /* "Cantarell" or the system UI font */
  CxColor     background;      /* the map's canvas */
  CxColor     foreground;      /* body text */
  CxColor     dim_foreground;  /* secondary text: owner, labels */
  CxColor     grid;            /* cell borders, lines */
  CxColor     card;            /* step card fill */
  CxColor     card_border;
  CxColor     header;          /* lane-name column background */
  CxColor     selection;       /* selected step outline */
  CxColor     line;            /* the blueprint lines, the emotion lane's neutral line */
  CxColor     phase[CX_N_PHASES];       /* band fill */
  CxColor     phase_text[CX_N_PHASES];  /* band label */
  CxColor     severity[3];     /* indexed by CxSeverity: info, warning, error */
  CxColor     delight;         /* emotion above neutral */
  CxColor     distress;        /* emotion below neutral */
  CxColor     shortfall;       /* delivered below expected */
  CxColor     exceeded;        /* delivered above expected */
} CxMapTheme;

const CxMapTheme *cx_map_theme_get_for (CxMapStyle style);
/* The plain light or dark style: cx_map_theme_get_for() without high contrast */
const CxMapTheme *cx_map_theme_get     (gboolean   dark);

/* The WCAG 2 contrast ratio of two opaque colours, 1..21 (text: >= 4.5) */
double            cx_color_contrast    (const CxColor *a,
                                        const CxColor *b);

/* ------------------------------------------------------------------ */
/* Layout                                                              */

typedef struct _CxMapLayout CxMapLayout;

typedef struct
{
  int         phase;          /* -1: every phase; else a CxPhase to draw alone */
  const char *font_family;    /* NULL: the theme's */
  const char *persona;        /* NULL: every step; else a persona's id: its journey, the
                               * steps of that persona and those of every persona */
  gboolean    narrow;         /* a narrower lane-name column, for narrow windows */
} CxMapLayoutOptions;

#define CX_TYPE_MAP_LAYOUT (cx_map_layout_get_type ())
GType        cx_map_layout_get_type         (void) G_GNUC_CONST;

/* @findings: (element-type CxFinding) (nullable): from cx_check_plan() */
CxMapLayout *cx_map_layout_new              (CxPlan                   *plan,
                                             GPtrArray                *findings,
                                             const CxMapLayoutOptions *options);
CxMapLayout *cx_map_layout_ref              (CxMapLayout              *layout);
void         cx_map_layout_set_findings     (CxMapLayout              *layout,
                                             GPtrArray                *findings);
void         cx_map_layout_unref            (CxMapLayout              *layout);

void         cx_map_layout_get_size         (CxMapLayout              *layout,
                                             double                   *width,
                                             double                   *height);
/* The lane-name column at the left: it stays in view while the map
 * scrolls sideways (the view draws it last, at the left edge). */
double       cx_map_layout_get_header_width (CxMapLayout              *layout);
/* The phase bands and step headers at the top */
double       cx_map_layout_get_top_height   (CxMapLayout              *layout);

/* The persona whose journey the layout shows, or NULL for every step */
const char  *cx_map_layout_get_persona      (CxMapLayout              *layout);
gboolean     cx_map_layout_shows_step       (CxMapLayout              *layout,
                                             CxStep                   *step);

/* Steps in the order of the columns: journey order, recovery last */
guint        cx_map_layout_get_n_steps      (CxMapLayout              *layout);
CxStep      *cx_map_layout_get_step         (CxMapLayout              *layout,
                                             guint                     index);
int          cx_map_layout_get_step_index   (CxMapLayout              *layout,
                                             CxStep                   *step);
/* The whole column of a step, from its header to the last lane */
gboolean     cx_map_layout_get_step_rect    (CxMapLayout              *layout,
                                             CxStep                   *step,
                                             cairo_rectangle_t        *rect);
/* Where a finding points: its step's column, its failure's badge, or its
 * phase's band */
gboolean     cx_map_layout_get_finding_rect (CxMapLayout              *layout,
                                             const CxFinding          *finding,
                                             cairo_rectangle_t        *rect);
CxStep      *cx_map_layout_step_at          (CxMapLayout              *layout,
                                             double                    x,
                                             double                    y);

/* Finer places, for tooltips, hit tests and tests. Each returns FALSE
 * when the layout does not show what is asked for. */
/* The step's header card: title, channel, owner, marks, finding badges */
gboolean     cx_map_layout_get_step_header_rect (CxMapLayout          *layout,
                                             CxStep                   *step,
                                             cairo_rectangle_t        *rect);
/* Where the step's column crosses the lane's row */
gboolean     cx_map_layout_get_cell_rect    (CxMapLayout              *layout,
                                             CxStep                   *step,
                                             CxLane                   *lane,
                                             cairo_rectangle_t        *rect);
/* The lane's row across the whole map, lane-name column included */
gboolean     cx_map_layout_get_lane_rect    (CxMapLayout              *layout,
                                             CxLane                   *lane,
                                             cairo_rectangle_t        *rect);
CxLane      *cx_map_layout_lane_at          (CxMapLayout              *layout,
                                             double                    y);
/* The phase's band at the top, across its columns */
gboolean     cx_map_layout_get_phase_rect   (CxMapLayout              *layout,
                                             CxPhase                   phase,
                                             cairo_rectangle_t        *rect);
/* The row of finding badges at the bottom of the step's header card */
gboolean     cx_map_layout_get_step_badges_rect (CxMapLayout          *layout,
                                             CxStep                   *step,
                                             cairo_rectangle_t        *rect);
/* (transfer none) (nullable) (element-type CxFinding): the findings of the
 * step the layout was made with, accepted ones included */
GPtrArray   *cx_map_layout_get_step_findings (CxMapLayout             *layout,
                                             CxStep                   *step);
GPtrArray   *cx_map_layout_get_failure_findings (CxMapLayout          *layout,
                                             CxFailure                *failure);
/* The failure's badge in the failures row under the lanes */
gboolean     cx_map_layout_get_failure_rect (CxMapLayout              *layout,
                                             CxFailure                *failure,
                                             cairo_rectangle_t        *rect);

/* ------------------------------------------------------------------ */
/* Drawing                                                             */

typedef struct
{
  const CxMapTheme *theme;
  CxStep           *selected;   /* nullable: drawn with the selection colour */
  double            zoom;       /* the scale the caller set on @cr: below a legible
                                 * size text is left out (the "heat strip") */
} CxMapRenderOptions;

/* Draws the part of the map within @area (map units) onto @cr, whose
 * transformation maps map units to the device. Without the lane-name
 * column: see cx_map_render_lane_headers(). */
void         cx_map_render                  (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             const cairo_rectangle_t  *area,
                                             const CxMapRenderOptions *options);
/* Draws the lane-name column for the rows within @area's y range, at x 0 */
void         cx_map_render_lane_headers     (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             const cairo_rectangle_t  *area,
                                             const CxMapRenderOptions *options);
/* Draws the phase bands and step headers, y 0 to the top height, for the
 * columns within @area's x range: they stay in view while the map
 * scrolls down (the view pins them), and head every printed page */
void         cx_map_render_top_rows         (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             const cairo_rectangle_t  *area,
                                             const CxMapRenderOptions *options);
/* Draws the corner over both, at (0, 0): the header width by the top height */
void         cx_map_render_corner           (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             const CxMapRenderOptions *options);

/* The title block (title, author, date, counts of findings by severity)
 * and the legend (phases, evidence borders, marks, severities, the
 * emotion and expectation lanes) that export and print put around the
 * map. Each draws at (0, 0) of @cr across @width and returns its height;
 * with a NULL @cr it only measures. */
double       cx_map_render_title_block      (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             double                    width,
                                             const CxMapTheme         *theme);
double       cx_map_render_legend           (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             double                    width,
                                             const CxMapTheme         *theme);

/* ------------------------------------------------------------------ */
/* Pages                                                               */

/* A map too large for a page is cut between step columns into spans of
 * x, and if it must, between lanes into bands of y; each page shows one
 * span of one band beside the lane names. Printing and PDF export cut
 * the same way (cx-map-pages.c). */

/* A range of the map, in map units: x for columns, y for bands */
typedef struct
{
  double start;
  double end;
} CxMapSpan;

/* (element-type CxMapSpan) (transfer full) */
GArray      *cx_map_layout_paginate_columns (CxMapLayout              *layout,
                                             double                    width);
/* (element-type CxMapSpan) (transfer full) */
GArray      *cx_map_layout_paginate_bands   (CxMapLayout              *layout,
                                             double                    first_height,
                                             double                    height);
/* Draws the lane names for @band at x 0 and the columns of @column beside
 * them, the band's top at y 0: a page's part of the map */
void         cx_map_render_page             (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             const CxMapSpan          *column,
                                             const CxMapSpan          *band,
                                             const CxMapRenderOptions *options);
/* Bands of whole lanes under the top rows, which every printed page
 * repeats above its band: (element-type CxMapSpan) (transfer full) */
GArray      *cx_map_layout_paginate_lanes   (CxMapLayout              *layout,
                                             double                    first_room,
                                             double                    room);
/* The corner and the top rows of @column at y 0, and under them the lane
 * names and @column's part of @lanes: a printed page's part of the map */
void         cx_map_render_headed_page      (CxMapLayout              *layout,
                                             cairo_t                  *cr,
                                             const CxMapSpan          *column,
                                             const CxMapSpan          *lanes,
                                             const CxMapRenderOptions *options);

/* ------------------------------------------------------------------ */
/* Printing (cx-map-print.c)                                           */

typedef enum
{
  CX_MAP_PRINT_ACTUAL_SIZE,   /* a map unit a CSS pixel: body text at 9 pt */
  CX_MAP_PRINT_FIT_WIDTH,     /* the whole width on the page, never larger */
} CxMapPrintScale;

/* What a printed page holds, and where, in points from the printable
 * area's top left */
typedef struct
{
  gboolean  shows_map;     /* FALSE: the legend alone */
  CxMapSpan columns;       /* map units, from cx_map_layout_paginate_columns() */
  CxMapSpan lanes;         /* map units, from cx_map_layout_paginate_lanes() */
  gboolean  title;         /* headed by the title block; else by a running head */
  double    map_y;         /* where the top rows begin */
  double    map_height;    /* the top rows and the lanes, as printed */
  double    legend_y;      /* < 0: no legend */
} CxMapPrintPage;

#define CX_TYPE_MAP_PRINT_SCALE (cx_map_print_scale_get_type ())
GType        cx_map_print_scale_get_type    (void) G_GNUC_CONST;

typedef struct _CxMapPrint CxMapPrint;

CxMapPrint  *cx_map_print_new               (CxMapLayout              *layout,
                                             const CxMapTheme         *theme,
                                             double                    width,
                                             double                    height,
                                             CxMapPrintScale           scale);
void         cx_map_print_free              (CxMapPrint               *print);
double       cx_map_print_get_scale         (CxMapPrint               *print);
guint        cx_map_print_get_n_pages       (CxMapPrint               *print);
const CxMapPrintPage *cx_map_print_get_page (CxMapPrint               *print,
                                             guint                     index);
void         cx_map_print_draw_page         (CxMapPrint               *print,
                                             cairo_t                  *cr,
                                             guint                     index);

/* ------------------------------------------------------------------ */
/* Export                                                              */

typedef enum
{
  CX_EXPORT_PNG,
  CX_EXPORT_SVG,
  CX_EXPORT_PDF,
} CxExportFormat;

#define CX_EXPORT_ERROR (cx_export_error_quark ())

typedef enum
{
  CX_EXPORT_ERROR_FORMAT,     /* unknown file ending */
  CX_EXPORT_ERROR_TOO_LARGE,  /* the image, or a PDF page, would be too large */
  CX_EXPORT_ERROR_FAILED,     /* cairo could not write it */
} CxExportError;

GQuark       cx_export_error_quark          (void);

gboolean     cx_export_format_from_path     (const char               *path,
                                             CxExportFormat           *format);

typedef struct
{
  double      scale;          /* 1.0: one map unit a pixel / point */
  int         phase;          /* -1: all */
  gboolean    dark;
  gboolean    high_contrast;
} CxExportOptions;

/* The whole map with a title block (title, author, date, counts of
 * findings) and a legend, written to @path in @format: on one page, or
 * for a PDF larger than viewers take, on as many as it needs. */
gboolean     cx_map_export                  (CxPlan                   *plan,
                                             GPtrArray                *findings,
                                             const char               *path,
                                             CxExportFormat            format,
                                             const CxExportOptions    *options,
                                             GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxMapLayout, cx_map_layout_unref)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxMapPrint, cx_map_print_free)

G_END_DECLS
