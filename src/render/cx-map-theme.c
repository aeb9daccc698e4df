/* cx-map-theme.c — the palettes of the journey map, and its texts' colours
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every colour comes from the GNOME palette (the named blues, greens,
 * yellows, oranges, reds, purples and greys of the HIG, at their
 * documented values) or from mixing two of them, so the map sits well
 * beside GNOME apps. Phases: before blue, during green, after purple,
 * recovery orange — light tints under dark text in the light style, deep
 * desaturated shades under light text in the dark one.
 *
 * Four styles: light and dark, each plain or in high contrast. The high
 * contrast ones draw black (or white) text, darker (or lighter) fills
 * and solid, thicker lines, as libadwaita's high contrast does for the
 * widgets around the map.
 *
 * What text goes on which ground is one table, cx_map_theme_text(): the
 * drawing code names a text's role, never a colour, and the tests walk
 * the table and hold every pair to WCAG's 4.5:1, 7:1 in high contrast,
 * measured with cx_color_contrast().
 */

#define G_LOG_DOMAIN "cx-render"

#include "config.h"

#include <math.h>

#include "cx-map-private.h"

/* The GNOME palette, https://developer.gnome.org/hig/reference/palette.html */
#define BLUE_1   0x99c1f1
#define BLUE_2   0x62a0ea
#define BLUE_3   0x3584e4
#define BLUE_4   0x1c71d8
#define BLUE_5   0x1a5fb4
#define GREEN_2  0x57e389
#define GREEN_3  0x33d17a
#define GREEN_4  0x2ec27e
#define GREEN_5  0x26a269
#define GREEN_1  0x8ff0a4
#define YELLOW_2 0xf8e45c
#define YELLOW_3 0xf6d32d
#define YELLOW_5 0xe5a50a
#define ORANGE_1 0xffbe6f
#define ORANGE_3 0xff7800
#define ORANGE_5 0xc64600
#define RED_1    0xf66151
#define RED_2    0xed333b
#define RED_3    0xe01b24
#define RED_5    0xa51d2d
#define PURPLE_1 0xdc8add
#define PURPLE_3 0x9141ac
#define PURPLE_5 0x613583
#define LIGHT_1  0xffffff
#define LIGHT_3  0xdeddda
#define LIGHT_4  0xc0bfbc
#define LIGHT_5  0x9a9996
#define DARK_1   0x77767b
#define DARK_2   0x5e5c64
#define DARK_4   0x241f31
#define DARK_5   0x000000

static CxColor
rgb (guint32 hex)
{
  return (CxColor) {
    .red = ((hex >> 16) & 0xff) / 255.0,
    .green = ((hex >> 8) & 0xff) / 255.0,
    .blue = (hex & 0xff) / 255.0,
    .alpha = 1.0,
  };
}

static CxColor
rgba (guint32 hex,
      double  alpha)
{
  CxColor color = rgb (hex);

  color.alpha = alpha;
  return color;
}

/**
 * cx_color_mix: (skip)
 * @a: a colour
 * @b: another colour
 * @t: how much of @b, 0..1
 *
 * Returns: @a and @b mixed in sRGB, as a painter mixes a tint
 */
CxColor
cx_color_mix (const CxColor *a,
              const CxColor *b,
              double         t)
{
  return (CxColor) {
    .red = a->red + (b->red - a->red) * t,
    .green = a->green + (b->green - a->green) * t,
    .blue = a->blue + (b->blue - a->blue) * t,
    .alpha = a->alpha + (b->alpha - a->alpha) * t,
  };
}

static CxColor
mix_hex (guint32 a,
         guint32 b,
         double  t)
{
  CxColor ca = rgb (a);
  CxColor cb = rgb (b);

  return cx_color_mix (&ca, &cb, t);
}

/* Keeps the hue and lightness of @color, with @factor of its saturation */
static CxColor
desaturate (CxColor color,
            double  factor)
{
  double grey = 0.2126 * color.red + 0.7152 * color.green + 0.0722 * color.blue;

  color.red = grey + (color.red - grey) * factor;
  color.green = grey + (color.green - grey) * factor;
  color.blue = grey + (color.blue - grey) * factor;
  return color;
}

static double
channel_luminance (double value)
{
  return value <= 0.04045 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

static double
relative_luminance (const CxColor *color)
{
  return 0.2126 * channel_luminance (color->red)
         + 0.7152 * channel_luminance (color->green)
         + 0.0722 * channel_luminance (color->blue);
}

/**
 * cx_color_contrast:
 * @a: a colour
 * @b: another colour
 *
 * The WCAG 2 contrast ratio of two opaque colours (alpha is ignored):
 * from 1 (the same luminance) to 21 (black on white). Body text needs
 * 4.5 or more.
 *
 * Returns: the contrast ratio, 1..21
 */
double
cx_color_contrast (const CxColor *a,
                   const CxColor *b)
{
  double la, lb;

  g_return_val_if_fail (a != NULL, 1.0);
  g_return_val_if_fail (b != NULL, 1.0);

  la = relative_luminance (a);
  lb = relative_luminance (b);
  if (la < lb)
    {
      double swap = la;

      la = lb;
      lb = swap;
    }

  return (la + 0.05) / (lb + 0.05);
}

/* Composites @over, with its alpha, on the opaque @under */
static CxColor
over (const CxColor *under,
      const CxColor *color)
{
  CxColor mixed = cx_color_mix (under, color, color->alpha);

  mixed.alpha = 1.0;
  return mixed;
}

/* Black or white, whichever reads better on @fill */
static CxColor
ink_on (const CxColor *fill)
{
  CxColor black = rgb (DARK_5);
  CxColor white = rgb (LIGHT_1);

  return cx_color_contrast (&black, fill) >= cx_color_contrast (&white, fill) ? black : white;
}

/* @fill, darkened under white ink or lightened under black, until its ink
 * reaches @ratio: a badge keeps its hue and gets legible */
static CxColor
fill_for_ink (CxColor fill,
              double  ratio)
{
  for (guint i = 0; i < 40; i++)
    {
      CxColor ink = ink_on (&fill);

      if (cx_color_contrast (&ink, &fill) >= ratio)
        break;
      /* away from the ink */
      fill = cx_color_mix (&fill, ink.red > 0.5 ? &(CxColor) { 0, 0, 0, 1 }
                                                : &(CxColor) { 1, 1, 1, 1 }, 0.06);
    }

  return fill;
}

static const guint32 phase_hue_5[CX_N_PHASES] = { BLUE_5, GREEN_5, PURPLE_5, ORANGE_5 };
static const guint32 phase_hue_3[CX_N_PHASES] = { BLUE_3, GREEN_3, PURPLE_3, ORANGE_3 };
static const guint32 phase_hue_1[CX_N_PHASES] = { BLUE_1, GREEN_1, PURPLE_1, ORANGE_1 };

static void
init_light (CxMapTheme *theme)
{
  theme->dark = FALSE;
  theme->high_contrast = FALSE;
  theme->min_contrast = 4.5;
  theme->line_scale = 1.0;
  theme->font_family = "Cantarell, sans-serif";
  theme->background = mix_hex (LIGHT_1, LIGHT_3, 0.12);
  theme->foreground = rgb (DARK_4);
  /* a shade under Dark 2, for the emotion's words on its red tint */
  theme->dim_foreground = mix_hex (DARK_2, DARK_4, 0.12);
  theme->grid = rgb (LIGHT_3);
  theme->card = rgb (LIGHT_1);
  theme->card_border = rgb (LIGHT_5);
  theme->header = mix_hex (LIGHT_1, LIGHT_3, 0.45);
  theme->selection = rgb (BLUE_3);
  theme->line = rgba (DARK_2, 0.85);

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      /* a tint of the middle shade; text in the deepest shade, darkened */
      theme->phase[p] = mix_hex (LIGHT_1, phase_hue_3[p], 0.2);
      theme->phase_text[p] = mix_hex (phase_hue_5[p], DARK_5, 0.3);
    }

  theme->severity[CX_SEVERITY_INFO] = rgb (BLUE_4);
  theme->severity[CX_SEVERITY_WARNING] = rgb (YELLOW_5);
  theme->severity[CX_SEVERITY_ERROR] = rgb (RED_3);
  theme->delight = rgba (GREEN_3, 0.30);
  theme->distress = rgba (RED_1, 0.25);
  theme->shortfall = rgb (RED_3);
  theme->exceeded = rgb (GREEN_5);
}

static void
init_dark (CxMapTheme *theme)
{
  /* libadwaita's dark window background and card, both neutral greys */
  const guint32 background = 0x242424;
  const guint32 card = 0x333333;

  theme->dark = TRUE;
  theme->high_contrast = FALSE;
  theme->min_contrast = 4.5;
  theme->line_scale = 1.0;
  theme->font_family = "Cantarell, sans-serif";
  theme->background = rgb (background);
  theme->foreground = rgb (LIGHT_1);
  theme->dim_foreground = rgb (LIGHT_4);
  theme->grid = mix_hex (background, DARK_1, 0.35);
  theme->card = rgb (card);
  theme->card_border = rgb (DARK_1);
  theme->header = mix_hex (background, DARK_5, 0.18);
  theme->selection = rgb (BLUE_2);
  theme->line = rgba (LIGHT_4, 0.85);

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      CxColor deep = desaturate (rgb (phase_hue_5[p]), 0.6);
      CxColor back = rgb (background);

      theme->phase[p] = cx_color_mix (&back, &deep, 0.45);
      theme->phase_text[p] = mix_hex (phase_hue_1[p], LIGHT_1, 0.3);
    }

  theme->severity[CX_SEVERITY_INFO] = rgb (BLUE_2);
  theme->severity[CX_SEVERITY_WARNING] = rgb (YELLOW_3);
  theme->severity[CX_SEVERITY_ERROR] = rgb (RED_1);
  theme->delight = rgba (GREEN_4, 0.34);
  theme->distress = rgba (RED_2, 0.34);
  theme->shortfall = rgb (RED_1);
  theme->exceeded = rgb (GREEN_2);
}

/* High contrast, light: black on white, borders near black, the phases
 * still told apart by a pale hue, their labels in its darkest shade */
static void
init_light_high_contrast (CxMapTheme *theme)
{
  theme->dark = FALSE;
  theme->high_contrast = TRUE;
  theme->min_contrast = 7.0;
  theme->line_scale = 1.6;
  theme->font_family = "Cantarell, sans-serif";
  theme->background = rgb (LIGHT_1);
  theme->foreground = rgb (DARK_5);
  theme->dim_foreground = rgb (DARK_4);
  theme->grid = rgb (DARK_1);
  theme->card = rgb (LIGHT_1);
  theme->card_border = rgb (DARK_4);
  theme->header = mix_hex (LIGHT_1, LIGHT_3, 0.4);
  theme->selection = mix_hex (BLUE_5, DARK_5, 0.2);
  theme->line = rgb (DARK_4);

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      theme->phase[p] = mix_hex (LIGHT_1, phase_hue_3[p], 0.22);
      theme->phase_text[p] = mix_hex (phase_hue_5[p], DARK_5, 0.55);
    }

  for (guint s = CX_SEVERITY_INFO; s <= CX_SEVERITY_ERROR; s++)
    {
      static const guint32 hues[3] = { BLUE_5, YELLOW_5, RED_5 };

      theme->severity[s] = fill_for_ink (rgb (hues[s]), theme->min_contrast);
    }
  theme->delight = rgba (GREEN_3, 0.40);
  theme->distress = rgba (RED_1, 0.40);
  theme->shortfall = rgb (RED_5);
  theme->exceeded = mix_hex (GREEN_5, DARK_5, 0.3);
}

/* High contrast, dark: white on near black, cards black with light
 * borders, the phases deep shades under their palest tint */
static void
init_dark_high_contrast (CxMapTheme *theme)
{
  const guint32 background = 0x1a1a1a;

  theme->dark = TRUE;
  theme->high_contrast = TRUE;
  theme->min_contrast = 7.0;
  theme->line_scale = 1.6;
  theme->font_family = "Cantarell, sans-serif";
  theme->background = rgb (background);
  theme->foreground = rgb (LIGHT_1);
  theme->dim_foreground = rgb (LIGHT_3);
  theme->grid = rgb (LIGHT_5);
  theme->card = rgb (DARK_5);
  theme->card_border = rgb (LIGHT_3);
  theme->header = mix_hex (background, LIGHT_1, 0.06);
  theme->selection = rgb (BLUE_1);
  theme->line = rgb (LIGHT_3);

  for (guint p = 0; p < CX_N_PHASES; p++)
    {
      CxColor deep = desaturate (rgb (phase_hue_5[p]), 0.7);
      CxColor back = rgb (background);

      theme->phase[p] = cx_color_mix (&back, &deep, 0.5);
      theme->phase_text[p] = mix_hex (phase_hue_1[p], LIGHT_1, 0.7);
    }

  for (guint s = CX_SEVERITY_INFO; s <= CX_SEVERITY_ERROR; s++)
    {
      static const guint32 hues[3] = { BLUE_1, YELLOW_2, RED_1 };

      theme->severity[s] = fill_for_ink (rgb (hues[s]), theme->min_contrast);
    }
  theme->delight = rgba (GREEN_4, 0.38);
  theme->distress = rgba (RED_2, 0.38);
  theme->shortfall = rgb (RED_1);
  theme->exceeded = rgb (GREEN_1);
}

/**
 * cx_map_theme_get_for:
 * @style: light or dark, and whether in high contrast
 *
 * Returns: (transfer none): the map's palette for @style, which lives as
 *   long as the program
 */
const CxMapTheme *
cx_map_theme_get_for (CxMapStyle style)
{
  static CxMapTheme themes[CX_MAP_N_STYLES];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      init_light (&themes[CX_MAP_STYLE_LIGHT]);
      init_dark (&themes[CX_MAP_STYLE_DARK]);
      init_light_high_contrast (&themes[CX_MAP_STYLE_HIGH_CONTRAST]);
      init_dark_high_contrast (&themes[CX_MAP_STYLE_DARK | CX_MAP_STYLE_HIGH_CONTRAST]);
      g_once_init_leave (&initialized, 1);
    }

  return &themes[style & (CX_MAP_STYLE_DARK | CX_MAP_STYLE_HIGH_CONTRAST)];
}

/**
 * cx_map_theme_get:
 * @dark: %TRUE for the dark style
 *
 * Returns: (transfer none): the map's plain palette for the style; see
 *   cx_map_theme_get_for() for high contrast
 */
const CxMapTheme *
cx_map_theme_get (gboolean dark)
{
  return cx_map_theme_get_for (dark ? CX_MAP_STYLE_DARK : CX_MAP_STYLE_LIGHT);
}

/* A proposed step is a design, not yet a fact: its card is a ghost,
 * halfway to the canvas. */
CxColor
cx_map_theme_proposed_fill (const CxMapTheme *theme)
{
  return cx_color_mix (&theme->card, &theme->background, 0.7);
}

/* Behind a high-risk failure that nothing answers */
CxColor
cx_map_theme_alarm_fill (const CxMapTheme *theme)
{
  return cx_color_mix (&theme->card, &theme->severity[CX_SEVERITY_ERROR], 0.12);
}

/* The lanes drawn as charts (emotion, expectation) sit on a faint shade */
CxColor
cx_map_theme_row_shade (const CxMapTheme *theme)
{
  return cx_color_mix (&theme->background, &theme->card, theme->dark ? 0.35 : 0.8);
}

/* Black or white, whichever reads better on @fill */
CxColor
cx_map_theme_ink_on (const CxMapTheme *theme,
                     const CxColor    *fill)
{
  return ink_on (fill);
}

/* The colour of a failure's RPN badge: from a pale yellow for a trifle to
 * a deep red for the worst, on a logarithmic scale because RPNs are
 * products of three scores; shaded where it must be for its number to
 * keep the theme's contrast (orange and red, in high contrast). */
CxColor
cx_map_theme_rpn_color (const CxMapTheme *theme,
                        int               rpn)
{
  static const struct { double rpn; guint32 color; } stops[] = {
    { 1, YELLOW_2 },
    { 40, YELLOW_5 },
    { 100, ORANGE_3 },
    { 250, RED_3 },
    { 1000, RED_5 },
  };
  double value = CLAMP (rpn, 1, 1000);

  for (guint i = 1; i < G_N_ELEMENTS (stops); i++)
    {
      if (value <= stops[i].rpn)
        {
          double t = log (value / stops[i - 1].rpn) / log (stops[i].rpn / stops[i - 1].rpn);

          return fill_for_ink (mix_hex (stops[i - 1].color, stops[i].color, t),
                               theme->min_contrast);
        }
    }

  return fill_for_ink (rgb (RED_5), theme->min_contrast);
}

/* ------------------------------------------------------------------ */
/* The texts of the map and their grounds                              */

guint
cx_map_text_n_variants (CxMapText text)
{
  switch (text)
    {
    case CX_MAP_TEXT_PHASE:
      return CX_N_PHASES;
    case CX_MAP_TEXT_RPN:
      return 1000;
    case CX_MAP_TEXT_SEVERITY:
      return 3;
    case CX_MAP_TEXT_CANVAS:
    case CX_MAP_TEXT_CANVAS_DIM:
    case CX_MAP_TEXT_CARD:
    case CX_MAP_TEXT_CARD_DIM:
    case CX_MAP_TEXT_CHART:
    case CX_MAP_TEXT_CHART_DIM:
    case CX_MAP_TEXT_HEADER:
    case CX_MAP_TEXT_HEADER_DIM:
    case CX_MAP_TEXT_RECOVERY:
    case CX_MAP_N_TEXTS:
    default:
      return 1;
    }
}

int
cx_map_text_variant (CxMapText text,
                     guint     i)
{
  /* RPNs run from 1 */
  return text == CX_MAP_TEXT_RPN ? (int) i + 1 : (int) i;
}

const char *
cx_map_text_name (CxMapText text)
{
  static const char *const names[CX_MAP_N_TEXTS] = {
    "canvas", "canvas-dim", "card", "card-dim", "chart", "chart-dim",
    "header", "header-dim", "phase", "recovery", "rpn", "severity",
  };

  g_return_val_if_fail (text < CX_MAP_N_TEXTS, "");
  return names[text];
}

static guint
add_ground (CxColor        grounds[CX_MAP_MAX_GROUNDS],
            guint          n,
            const CxColor *ground)
{
  g_assert (n < CX_MAP_MAX_GROUNDS);
  grounds[n] = *ground;
  return n + 1;
}

/* @ground, and @ground under the selected column's tint */
static guint
add_ground_selectable (const CxMapTheme *theme,
                       CxColor           grounds[CX_MAP_MAX_GROUNDS],
                       guint             n,
                       const CxColor    *ground)
{
  CxColor tint = theme->selection;

  tint.alpha = CX_MAP_SELECTION_TINT;
  n = add_ground (grounds, n, ground);
  grounds[n] = over (ground, &tint);
  return n + 1;
}

/**
 * cx_map_theme_text: (skip)
 * @theme: a palette
 * @ink: what the text is
 * @color: (out): the colour to draw it in
 * @grounds: (out caller-allocates): every ground it can be drawn on, as
 *   they look once the tints over them are composited
 *
 * The one table of the map's texts: what colour each is, and on what.
 *
 * Returns: the number of @grounds
 */
guint
cx_map_theme_text (const CxMapTheme *theme,
                   CxMapInk          ink,
                   CxColor          *color,
                   CxColor           grounds[CX_MAP_MAX_GROUNDS])
{
  CxColor shade = cx_map_theme_row_shade (theme);
  CxColor fill;
  guint n = 0;

  switch (ink.text)
    {
    case CX_MAP_TEXT_CANVAS:
    case CX_MAP_TEXT_CANVAS_DIM:
      /* the title block, legend and failures row sit on the canvas, a
       * selected column's tint over it in the failures row */
      *color = ink.text == CX_MAP_TEXT_CANVAS ? theme->foreground : theme->dim_foreground;
      return add_ground_selectable (theme, grounds, 0, &theme->background);

    case CX_MAP_TEXT_CARD:
    case CX_MAP_TEXT_CARD_DIM:
      /* cards are opaque, over the tint */
      *color = ink.text == CX_MAP_TEXT_CARD ? theme->foreground : theme->dim_foreground;
      n = add_ground (grounds, n, &theme->card);
      fill = cx_map_theme_proposed_fill (theme);
      n = add_ground (grounds, n, &fill);
      fill = cx_map_theme_alarm_fill (theme);
      return add_ground (grounds, n, &fill);

    case CX_MAP_TEXT_CHART:
      /* the expectation lane's gaps: on its shade, or the selection's */
      *color = theme->foreground;
      return add_ground_selectable (theme, grounds, 0, &shade);

    case CX_MAP_TEXT_CHART_DIM:
      /* the emotion's words, at the foot of its lane: under the lowest
       * the curve goes, which its distress may reach where it overshoots */
      *color = theme->dim_foreground;
      n = add_ground_selectable (theme, grounds, 0, &shade);
      fill = over (&shade, &theme->distress);
      return add_ground_selectable (theme, grounds, n, &fill);

    case CX_MAP_TEXT_HEADER:
    case CX_MAP_TEXT_HEADER_DIM:
      *color = ink.text == CX_MAP_TEXT_HEADER ? theme->foreground : theme->dim_foreground;
      return add_ground (grounds, 0, &theme->header);

    case CX_MAP_TEXT_PHASE:
      g_return_val_if_fail (ink.variant >= 0 && ink.variant < CX_N_PHASES, 0);
      *color = theme->phase_text[ink.variant];
      return add_ground (grounds, 0, &theme->phase[ink.variant]);

    case CX_MAP_TEXT_RECOVERY:
      *color = theme->phase_text[CX_PHASE_RECOVERY];
      return add_ground_selectable (theme, grounds, 0, &theme->background);

    case CX_MAP_TEXT_RPN:
      fill = cx_map_theme_rpn_color (theme, ink.variant);
      *color = ink_on (&fill);
      return add_ground (grounds, 0, &fill);

    case CX_MAP_TEXT_SEVERITY:
      g_return_val_if_fail (ink.variant >= CX_SEVERITY_INFO && ink.variant <= CX_SEVERITY_ERROR,
                            0);
      *color = ink_on (&theme->severity[ink.variant]);
      return add_ground (grounds, 0, &theme->severity[ink.variant]);

    case CX_MAP_N_TEXTS:
    default:
      g_return_val_if_reached (0);
    }
}

/**
 * cx_map_theme_ink: (skip)
 * @theme: a palette
 * @ink: what a text is
 *
 * Returns: the colour to draw @ink in
 */
CxColor
cx_map_theme_ink (const CxMapTheme *theme,
                  CxMapInk          ink)
{
  CxColor grounds[CX_MAP_MAX_GROUNDS];
  CxColor color = theme->foreground;

  cx_map_theme_text (theme, ink, &color, grounds);
  return color;
}
