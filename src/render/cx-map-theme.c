/* cx-map-theme.c — the light and dark palettes of the journey map
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every colour comes from the GNOME palette (the named blues, greens,
 * yellows, oranges, reds, purples and greys of the HIG, at their
 * documented values) or from mixing two of them, so the map sits well
 * beside GNOME apps. Phases: before blue, during green, after purple,
 * recovery orange — light tints under dark text in the light style, deep
 * desaturated shades under light text in the dark one. Every text colour
 * keeps a WCAG contrast of at least 4.5:1 against what it is drawn on;
 * the tests measure it with cx_color_contrast().
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

static const guint32 phase_hue_5[CX_N_PHASES] = { BLUE_5, GREEN_5, PURPLE_5, ORANGE_5 };
static const guint32 phase_hue_3[CX_N_PHASES] = { BLUE_3, GREEN_3, PURPLE_3, ORANGE_3 };
static const guint32 phase_hue_1[CX_N_PHASES] = { BLUE_1, GREEN_1, PURPLE_1, ORANGE_1 };

static void
init_light (CxMapTheme *theme)
{
  theme->dark = FALSE;
  theme->font_family = "Cantarell, sans-serif";
  theme->background = mix_hex (LIGHT_1, LIGHT_3, 0.12);
  theme->foreground = rgb (DARK_4);
  theme->dim_foreground = rgb (DARK_2);
  theme->grid = rgb (LIGHT_3);
  theme->card = rgb (LIGHT_1);
  theme->card_border = rgb (LIGHT_5);
  theme->header = mix_hex (LIGHT_1, LIGHT_3, 0.45);
  theme->selection = rgb (BLUE_3);

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
  theme->distress = rgba (RED_1, 0.30);
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
  theme->font_family = "Cantarell, sans-serif";
  theme->background = rgb (background);
  theme->foreground = rgb (LIGHT_1);
  theme->dim_foreground = rgb (LIGHT_4);
  theme->grid = mix_hex (background, DARK_1, 0.35);
  theme->card = rgb (card);
  theme->card_border = rgb (DARK_1);
  theme->header = mix_hex (background, DARK_5, 0.18);
  theme->selection = rgb (BLUE_2);

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

/**
 * cx_map_theme_get:
 * @dark: %TRUE for the dark style
 *
 * Returns: (transfer none): the map's palette for the style, which lives
 *   as long as the program
 */
const CxMapTheme *
cx_map_theme_get (gboolean dark)
{
  static CxMapTheme themes[2];
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      init_light (&themes[0]);
      init_dark (&themes[1]);
      g_once_init_leave (&initialized, 1);
    }

  return &themes[dark ? 1 : 0];
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
  CxColor black = rgb (DARK_5);
  CxColor white = rgb (LIGHT_1);

  return cx_color_contrast (&black, fill) >= cx_color_contrast (&white, fill) ? black : white;
}

/* The colour of a failure's RPN badge: from a pale yellow for a trifle to
 * a deep red for the worst, on a logarithmic scale because RPNs are
 * products of three scores. */
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

          return mix_hex (stops[i - 1].color, stops[i].color, t);
        }
    }

  return rgb (RED_5);
}
