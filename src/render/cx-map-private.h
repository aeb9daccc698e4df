/* cx-map-private.h — what the renderer's files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The layout's instance struct (read by the drawing code), the metrics of
 * the grid, and the small drawing helpers that several files use. Not for
 * use outside src/render and its tests.
 */

#pragma once

#include "cx-map.h"

G_BEGIN_DECLS

/* ------------------------------------------------------------------ */
/* Metrics, in map units                                               */

#define CX_MAP_MARGIN          20.0   /* around the whole map */
#define CX_MAP_HEADER_WIDTH   208.0   /* the lane-name column */
#define CX_MAP_HEADER_WIDTH_NARROW 128.0   /* … in a narrow window */
#define CX_MAP_COLUMN_WIDTH   184.0   /* a step column: three lines of a title */
#define CX_MAP_GUTTER          16.0   /* between two columns of a phase */
#define CX_MAP_PITCH           (CX_MAP_COLUMN_WIDTH + CX_MAP_GUTTER)
#define CX_MAP_PHASE_GAP       28.0   /* between two phases of the main journey */
#define CX_MAP_RECOVERY_GAP    64.0   /* before recovery, with the dashed boundary */
#define CX_MAP_BAND_HEIGHT     38.0   /* the phase bands */
#define CX_MAP_ROW_GAP         10.0   /* between band, step headers and lanes */
#define CX_MAP_STEP_HEIGHT    128.0   /* the step header cards */
#define CX_MAP_TEXT_LANE       96.0
#define CX_MAP_EMOTION_LANE   136.0   /* taller: the curve needs room */
#define CX_MAP_EXPECT_LANE    104.0
#define CX_MAP_LINE_GAP        22.0   /* room for a labelled blueprint line */
#define CX_MAP_FAILURE_ITEM    50.0   /* one failure in the failures row */
#define CX_MAP_FAILURE_SPACING  6.0
#define CX_MAP_MAX_FAILURE_SLOTS 3    /* more failures fold into "+N more" */
#define CX_MAP_ARC_BAND        44.0   /* under the failures: the connections */

/* Type sizes (absolute, map units) */
#define CX_MAP_FONT_BODY       12.0
#define CX_MAP_FONT_TITLE      13.0
#define CX_MAP_FONT_SMALL      10.5
#define CX_MAP_FONT_BAND       14.0

/* Below this many device pixels a text is not drawn (the heat strip) */
#define CX_MAP_LEGIBLE_PX       6.0

/* ------------------------------------------------------------------ */
/* Layout                                                              */

typedef enum
{
  CX_MAP_LINE_NONE,
  CX_MAP_LINE_INTERACTION,       /* above frontstage */
  CX_MAP_LINE_VISIBILITY,        /* between frontstage and backstage */
  CX_MAP_LINE_INTERNAL,          /* above support */
} CxMapLine;

typedef struct
{
  CxLane     *lane;
  CxLaneKind  kind;
  double      y;
  double      height;
  CxMapLine   line_above;        /* drawn in the gap above the row */
} CxMapRow;

typedef struct
{
  gboolean shown;
  guint    first;                /* index of its first step */
  guint    n_steps;
  guint    n_columns;            /* n_steps, or 1 for an empty phase's placeholder */
  double   x;                    /* left edge of its first column */
} CxMapPhaseSpan;

typedef struct
{
  guint       source;            /* step index of the failure */
  guint       slot;              /* its slot in the failures row */
  guint       target;            /* step index it connects to */
  gboolean    recovers;          /* TRUE: target lists it; FALSE: leads-to */
  CxFailure  *failure;
} CxMapConnection;

struct _CxMapLayout
{
  gatomicrefcount  ref_count;

  CxPlan          *plan;
  GPtrArray       *findings;          /* nullable */
  int              phase;
  char            *font_family;       /* nullable: the theme's */
  char            *persona;           /* nullable: every step is shown */
  double           header_width;      /* the lane-name column's */

  GPtrArray       *steps;             /* CxStep, column order */
  GHashTable      *step_index;        /* CxStep → index + 1 */
  CxMapPhaseSpan   phases[CX_N_PHASES];

  GArray          *rows;              /* CxMapRow, one a lane */
  double           width;
  double           height;
  double           band_y;
  double           head_y;
  double           lanes_y;
  double           lanes_bottom;
  double           failures_y;        /* == lanes_bottom when there is no row */
  double           failures_height;   /* 0: no failures row */
  guint            failure_slots;

  int              rpn_threshold;     /* the plan's, for "high risk" */
  int              severity_threshold;
  GHashTable      *failure_slot;      /* CxFailure → slot + 1 */
  GHashTable      *answered;          /* CxFailure set: some recovery lists it */
  GArray          *connections;       /* CxMapConnection, by (source, slot) */
  GArray          *by_target;         /* guint: indices of connections, by target */
  guint           *answers;           /* a count for each step: failures it recovers */

  GHashTable      *step_findings;     /* CxStep → GPtrArray of CxFinding */
  GHashTable      *failure_findings;  /* CxFailure → GPtrArray of CxFinding */
  GPtrArray       *phase_findings[CX_N_PHASES];
};

double   cx_map_layout_step_x            (CxMapLayout *layout,
                                          guint        index);
CxPhase  cx_map_layout_step_phase        (CxMapLayout *layout,
                                          guint        index);
gboolean cx_map_layout_visible_steps     (CxMapLayout *layout,
                                          double       x0,
                                          double       x1,
                                          guint       *first,
                                          guint       *last);
void     cx_map_layout_failure_item_rect (CxMapLayout       *layout,
                                          guint              step_index,
                                          guint              slot,
                                          cairo_rectangle_t *rect);
gboolean cx_map_layout_is_high_risk      (CxMapLayout *layout,
                                          CxFailure   *failure);
const char *cx_map_phase_label           (CxPhase      phase);

/* ------------------------------------------------------------------ */
/* The pages of a PDF export (cx-map-export.c)                         */

/* The largest page side PDF viewers take, in points: 200 inches, the
 * implementation limit of PDF 1.x that Acrobat still holds to */
#define CX_MAP_PDF_MAX_SIDE 14400.0

typedef struct
{
  gboolean  shows_map;     /* FALSE: the legend alone */
  CxMapSpan column;        /* the columns it shows, map units */
  CxMapSpan band;          /* the rows it shows */
  double    title_height;  /* the title block above the map; 0: none */
  double    legend_y;      /* where the legend begins; < 0: none */
  double    width;         /* map units */
  double    height;
  double    width_pt;      /* the page's size in the file, in points */
  double    height_pt;
} CxMapExportPage;

/* The smallest page side, in map units, that holds the lane names and a
 * column beside them, or the title block over the tallest lane: the
 * scale may be at most CX_MAP_PDF_MAX_SIDE / CX_MAP_PDF_MIN_SIDE */
#define CX_MAP_PDF_MIN_SIDE 600.0

/* (element-type CxMapExportPage): in the order of the file */
GArray  *cx_map_export_paginate_pdf      (CxMapLayout      *layout,
                                          const CxMapTheme *theme,
                                          double            scale);

/* ------------------------------------------------------------------ */
/* Theme helpers                                                       */

/* Every text the map draws names what it is, and so which colour it is
 * drawn in and on which grounds: cx_map_draw_text() takes one of these,
 * never a colour, so that cx_map_theme_text() lists every pair of ink and
 * ground the map uses, and the tests hold each to the theme's contrast. */
typedef enum
{
  CX_MAP_TEXT_CANVAS,      /* body text on the canvas: title block, legend */
  CX_MAP_TEXT_CANVAS_DIM,  /* secondary: the legend's headings, "+N more failures" */
  CX_MAP_TEXT_CARD,        /* on a step card, a cell, a failure (its alarm fill too) */
  CX_MAP_TEXT_CARD_DIM,    /* owner, "Assumed" */
  CX_MAP_TEXT_CHART,       /* on the expectation lane: the size of a gap */
  CX_MAP_TEXT_CHART_DIM,   /* at the emotion lane's foot: the emotion's words */
  CX_MAP_TEXT_HEADER,      /* the lane names */
  CX_MAP_TEXT_HEADER_DIM,  /* lane kinds, scales, the blueprint lines' captions */
  CX_MAP_TEXT_PHASE,       /* on a phase band; variant: the CxPhase */
  CX_MAP_TEXT_RECOVERY,    /* "Answers N failures", in recovery's colour */
  CX_MAP_TEXT_RPN,         /* on an RPN pill; variant: the RPN */
  CX_MAP_TEXT_SEVERITY,    /* the mark in a finding's badge; variant: the CxSeverity */
  CX_MAP_N_TEXTS
} CxMapText;

/* A text's role and, for the roles that have them, its variant */
typedef struct
{
  CxMapText text;
  int       variant;
} CxMapInk;

#define CX_INK(text)            ((CxMapInk) { (text), 0 })
#define CX_INK_OF(text, variant) ((CxMapInk) { (text), (variant) })

/* The most grounds one text is drawn on */
#define CX_MAP_MAX_GROUNDS 6

/* The variants a role has: phases, RPNs 1..1000, severities; else one,
 * numbered 0. cx_map_text_variant() gives the @i-th of them. */
guint    cx_map_text_n_variants          (CxMapText         text);
int      cx_map_text_variant             (CxMapText         text,
                                          guint             i);
const char *cx_map_text_name             (CxMapText         text);
/* The colour of @ink, and every ground it is drawn on, as composited
 * (a tint over what is under it); returns the number of grounds */
guint    cx_map_theme_text               (const CxMapTheme *theme,
                                          CxMapInk          ink,
                                          CxColor          *color,
                                          CxColor           grounds[CX_MAP_MAX_GROUNDS]);
CxColor  cx_map_theme_ink                (const CxMapTheme *theme,
                                          CxMapInk          ink);

/* The tint over the selected step's column */
#define CX_MAP_SELECTION_TINT 0.1

/* A border or line @width wide in the plain styles, in @theme's */
static inline double
cx_map_theme_line_width (const CxMapTheme *theme,
                         double            width)
{
  return width * theme->line_scale;
}

/* Dashes that only decorate (a blueprint line, a placeholder) are drawn
 * solid in high contrast; those that mean something (evidence, the
 * recovery boundary, a "leads to" connection) stay, and thicken */
void     cx_map_set_dash                 (cairo_t          *cr,
                                          const CxMapTheme *theme,
                                          const double     *dashes,
                                          int               n_dashes,
                                          gboolean          meaningful);

CxColor  cx_color_mix                    (const CxColor *a,
                                          const CxColor *b,
                                          double         t);
CxColor  cx_map_theme_proposed_fill      (const CxMapTheme *theme);
CxColor  cx_map_theme_alarm_fill         (const CxMapTheme *theme);
CxColor  cx_map_theme_rpn_color          (const CxMapTheme *theme,
                                          int               rpn);
CxColor  cx_map_theme_ink_on             (const CxMapTheme *theme,
                                          const CxColor    *fill);
CxColor  cx_map_theme_row_shade          (const CxMapTheme *theme);

static inline void
cx_set_color (cairo_t       *cr,
              const CxColor *color)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha);
}

static inline void
cx_set_color_alpha (cairo_t       *cr,
                    const CxColor *color,
                    double         alpha)
{
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, color->alpha * alpha);
}

/* ------------------------------------------------------------------ */
/* Drawing helpers (cx-map-glyphs.c)                                   */

typedef struct
{
  cairo_t              *cr;
  PangoLayout          *text;
  PangoFontDescription *font;
  const CxMapTheme     *theme;
  double                zoom;
} CxMapPainter;

void     cx_map_painter_init             (CxMapPainter     *painter,
                                          cairo_t          *cr,
                                          const CxMapTheme *theme,
                                          const char       *font_family,
                                          double            zoom);
void     cx_map_painter_clear            (CxMapPainter     *painter);
gboolean cx_map_painter_legible          (CxMapPainter     *painter,
                                          double            size);

typedef enum
{
  CX_TEXT_NORMAL = 0,
  CX_TEXT_BOLD   = 1 << 0,
  CX_TEXT_CENTER = 1 << 1,
  CX_TEXT_RIGHT  = 1 << 2,
  CX_TEXT_ITALIC = 1 << 3,
  CX_TEXT_MIDDLE = 1 << 4,    /* centred vertically in the box */
} CxTextFlags;

double   cx_map_draw_text                (CxMapPainter     *painter,
                                          const char       *text,
                                          const cairo_rectangle_t *box,
                                          double            size,
                                          CxMapInk          ink,
                                          CxTextFlags       flags);
double   cx_map_measure_text             (CxMapPainter     *painter,
                                          const char       *text,
                                          double            size,
                                          CxTextFlags       flags,
                                          double           *height);
void     cx_map_rounded_rect             (cairo_t          *cr,
                                          double            x,
                                          double            y,
                                          double            width,
                                          double            height,
                                          double            radius);
void     cx_map_set_evidence_dash        (cairo_t          *cr,
                                          const CxMapTheme *theme,
                                          CxEvidence        evidence,
                                          double            line_width);
void     cx_map_set_blueprint_line_style (cairo_t          *cr,
                                          const CxMapTheme *theme);
void     cx_map_draw_channel             (cairo_t          *cr,
                                          CxChannel         channel,
                                          double            x,
                                          double            y,
                                          double            size,
                                          const CxColor    *color);
void     cx_map_draw_star                (cairo_t          *cr,
                                          double            cx,
                                          double            cy,
                                          double            radius,
                                          const CxColor    *fill,
                                          const CxColor    *outline);
void     cx_map_draw_moment_of_truth     (cairo_t          *cr,
                                          double            cx,
                                          double            cy,
                                          double            radius,
                                          const CxColor    *color);
void     cx_map_draw_severity            (cairo_t          *cr,
                                          const CxMapTheme *theme,
                                          CxSeverity        severity,
                                          double            cx,
                                          double            cy,
                                          double            radius);
void     cx_map_draw_alarm               (cairo_t          *cr,
                                          const CxMapTheme *theme,
                                          double            cx,
                                          double            cy,
                                          double            radius);
double   cx_map_draw_rpn_pill            (CxMapPainter     *painter,
                                          int               rpn,
                                          double            x,
                                          double            y,
                                          double            height);
void     cx_map_draw_arrow_head          (cairo_t          *cr,
                                          double            x,
                                          double            y,
                                          double            angle,
                                          double            size);

/* ------------------------------------------------------------------ */
/* The parts of the map (cx-map-render-charts.c)                       */

/* The theme and zoom of @options, or their defaults */
const CxMapTheme *cx_map_options_theme   (const CxMapRenderOptions *options);
double   cx_map_options_zoom             (const CxMapRenderOptions *options);

void     cx_map_render_emotion           (CxMapLayout       *layout,
                                          CxMapPainter      *painter,
                                          const CxMapRow    *row,
                                          guint              first,
                                          guint              last);
void     cx_map_render_expectation       (CxMapLayout       *layout,
                                          CxMapPainter      *painter,
                                          const CxMapRow    *row,
                                          guint              first,
                                          guint              last);
void     cx_map_render_failures          (CxMapLayout       *layout,
                                          CxMapPainter      *painter,
                                          guint              first,
                                          guint              last);
void     cx_map_render_connections       (CxMapLayout       *layout,
                                          CxMapPainter      *painter,
                                          double             x0,
                                          double             x1);
void     cx_map_render_finding_badges    (CxMapPainter      *painter,
                                          GPtrArray         *findings,
                                          double             x,
                                          double             cy,
                                          double             max_width,
                                          CxMapInk           count_ink);

G_END_DECLS
