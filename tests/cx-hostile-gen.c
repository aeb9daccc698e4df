/* cx-hostile-gen.c — plans shaped to make a reader slow or hungry
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-test"

#include "config.h"

#include <string.h>

#include "cx-hostile-gen.h"

static const char *const shape_names[CX_N_HOSTILE] = {
  [CX_HOSTILE_NAMESPACES] = "namespaces",
  [CX_HOSTILE_DISTINCT_NAMESPACES] = "distinct-namespaces",
  [CX_HOSTILE_REDECLARED] = "redeclared-prefix",
  [CX_HOSTILE_ROOT_NAMESPACES] = "root-namespaces",
  [CX_HOSTILE_ATTRIBUTES] = "many-attributes",
  [CX_HOSTILE_LONG_VALUES] = "long-values",
  [CX_HOSTILE_WIDE] = "wide-foreign",
  [CX_HOSTILE_DEEP] = "deep-foreign",
  [CX_HOSTILE_WIDE_NEWER] = "wide-newer",
  [CX_HOSTILE_BLANK] = "blank-text",
  [CX_HOSTILE_KNOWN_ATTRS] = "foreign-on-known",
  [CX_HOSTILE_STEPS] = "plain-steps",
};

/* Foreign subtrees stand in a step: the root, <phases>, <phase>, <step>
 * and the subtree make 64 levels at most */
#define SUBTREE_DEPTH 60
#define ROOT_NAMESPACES 120
#define LONG_VALUE 8192

const char *
cx_hostile_shape_name (CxHostileShape shape)
{
  g_return_val_if_fail (shape < CX_N_HOSTILE, NULL);

  return shape_names[shape];
}

gboolean
cx_hostile_shape_from_name (const char     *name,
                            CxHostileShape *shape)
{
  for (guint i = 0; i < CX_N_HOSTILE; i++)
    {
      if (g_str_equal (name, shape_names[i]))
        {
          *shape = i;
          return TRUE;
        }
    }

  return FALSE;
}

gsize
cx_hostile_unit_size (CxHostileShape shape)
{
  switch (shape)
    {
    case CX_HOSTILE_NAMESPACES:
    case CX_HOSTILE_DISTINCT_NAMESPACES:
      return 100;
    case CX_HOSTILE_REDECLARED:
      return SUBTREE_DEPTH * 46;
    case CX_HOSTILE_ROOT_NAMESPACES:
      return 10;
    case CX_HOSTILE_ATTRIBUTES:
      return 256 * 9;
    case CX_HOSTILE_LONG_VALUES:
      return LONG_VALUE + 16;
    case CX_HOSTILE_WIDE:
      return 6;
    case CX_HOSTILE_DEEP:
      return SUBTREE_DEPTH * 15;
    case CX_HOSTILE_WIDE_NEWER:
      return 4;
    case CX_HOSTILE_BLANK:
      return 2 * 1024 + 20;
    case CX_HOSTILE_KNOWN_ATTRS:
      return 42;
    case CX_HOSTILE_STEPS:
      return 36;
    case CX_N_HOSTILE:
    default:
      g_return_val_if_reached (1);
    }
}

static void
begin (GString    *out,
       const char *version,
       const char *root_extra)
{
  g_string_append_printf (out,
                          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                          "<cxplan xmlns=\"urn:cxplan:plan:1\"%s version=\"%s\">\n"
                          "  <title>Hostile</title>\n"
                          "  <lanes>\n"
                          "    <lane id=\"a\" kind=\"actions\">\n"
                          "      <name>A</name>\n"
                          "    </lane>\n"
                          "  </lanes>\n"
                          "  <phases>\n"
                          "    <phase kind=\"before\">\n",
                          root_extra, version);
}

static char *
end (GString *out,
     gsize   *length)
{
  g_string_append (out,
                   "    </phase>\n"
                   "    <phase kind=\"during\"/>\n"
                   "    <phase kind=\"after\"/>\n"
                   "    <phase kind=\"recovery\"/>\n"
                   "  </phases>\n"
                   "</cxplan>\n");
  if (length != NULL)
    *length = out->len;

  return g_string_free (out, FALSE);
}

/* Steps of @per foreign units each */
static void
open_step (GString *out,
           guint    i,
           guint    per)
{
  if (i % per == 0)
    g_string_append_printf (out, "      <step id=\"s%u\">\n        <title>S</title>\n", i / per);
}

static void
close_step (GString *out,
            guint    i,
            guint    per,
            guint    n)
{
  if (i % per == per - 1 || i == n - 1)
    g_string_append (out, "      </step>\n");
}

/* What the writer escapes, and what it writes as a character reference */
static void
append_long_value (GString *out,
                   guint    i)
{
  static const char *const pieces[] = { "&gt;", "é", "&amp;", "\"", "中", "&#9;", "a" };
  gsize start = out->len;

  while (out->len - start < LONG_VALUE)
    {
      const char *piece = pieces[(out->len + i) % G_N_ELEMENTS (pieces)];

      g_string_append (out, g_str_equal (piece, "\"") ? "&quot;" : piece);
    }
}

/**
 * cx_hostile_generate:
 * @shape: which shape
 * @n: how many units of it (at least 1)
 * @length: (out) (optional): the length of the text
 *
 * Returns: (transfer full): a plan, about cx_hostile_unit_size() × @n bytes
 */
char *
cx_hostile_generate (CxHostileShape  shape,
                     guint           n,
                     gsize          *length)
{
  GString *out;

  g_return_val_if_fail (shape < CX_N_HOSTILE, NULL);
  g_return_val_if_fail (n >= 1, NULL);

  out = g_string_sized_new (cx_hostile_unit_size (shape) * n + 1024);

  switch (shape)
    {
    case CX_HOSTILE_NAMESPACES:
    case CX_HOSTILE_DISTINCT_NAMESPACES:
      begin (out, "1.0", "");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out,
                                "      <step id=\"s%u\" xmlns:x=\"urn:hostile:%u\" x:a=\"%u\">\n"
                                "        <title>S</title>\n"
                                "        <x:e x:b=\"1\"/>\n"
                                "      </step>\n",
                                i, shape == CX_HOSTILE_NAMESPACES ? i % 100 : i, i);
      break;

    case CX_HOSTILE_REDECLARED:
    case CX_HOSTILE_DEEP:
      begin (out, "1.0", " xmlns:x=\"urn:hostile\"");
      for (guint i = 0; i < n; i++)
        {
          open_step (out, i, 16);
          for (guint level = 0; level < SUBTREE_DEPTH; level++)
            {
              if (shape == CX_HOSTILE_REDECLARED)
                g_string_append_printf (out, "<x:e xmlns:x=\"urn:hostile:level:%u\" x:l=\"%u\">",
                                        level, level);
              else
                g_string_append (out, "<x:deep>");
            }
          g_string_append (out, "bottom");
          for (guint level = 0; level < SUBTREE_DEPTH; level++)
            g_string_append (out, shape == CX_HOSTILE_REDECLARED ? "</x:e>" : "</x:deep>");
          g_string_append_c (out, '\n');
          close_step (out, i, 16, n);
        }
      break;

    case CX_HOSTILE_ROOT_NAMESPACES:
      {
        g_autoptr(GString) declarations = g_string_new (NULL);

        for (guint k = 0; k < ROOT_NAMESPACES; k++)
          g_string_append_printf (declarations, " xmlns:p%u=\"urn:hostile:root:%u\"", k, k);
        begin (out, "1.0", declarations->str);
        for (guint i = 0; i < n; i++)
          {
            open_step (out, i, 1000);
            g_string_append_printf (out, "<p%u:e/>", i % ROOT_NAMESPACES);
            if (i % 16 == 15)
              g_string_append_c (out, '\n');
            close_step (out, i, 1000, n);
          }
      }
      break;

    case CX_HOSTILE_ATTRIBUTES:
      begin (out, "1.0", " xmlns:x=\"urn:hostile\"");
      for (guint i = 0; i < n; i++)
        {
          open_step (out, i, 64);
          g_string_append (out, "        <x:e");
          for (guint k = 0; k < 256; k++)
            g_string_append_printf (out, k % 2 == 0 ? " a%u=\"\"" : " x:a%u=\"\"", k);
          g_string_append (out, "/>\n");
          close_step (out, i, 64, n);
        }
      break;

    case CX_HOSTILE_LONG_VALUES:
      begin (out, "1.0", " xmlns:x=\"urn:hostile\"");
      for (guint i = 0; i < n; i++)
        {
          open_step (out, i, 16);
          g_string_append (out, "        <x:e v=\"");
          append_long_value (out, i);
          g_string_append (out, "\"/>\n");
          close_step (out, i, 16, n);
        }
      break;

    case CX_HOSTILE_WIDE:
      begin (out, "1.0", " xmlns:x=\"urn:hostile\"");
      g_string_append (out, "      <step id=\"s\">\n        <title>S</title>\n");
      for (guint i = 0; i < n; i++)
        g_string_append (out, "<x:e/>");
      g_string_append (out, "\n      </step>\n");
      break;

    case CX_HOSTILE_WIDE_NEWER:
      begin (out, "1.9", "");
      g_string_append (out, "      <step id=\"s\">\n        <title>S</title>\n");
      for (guint i = 0; i < n; i++)
        g_string_append (out, "<u/>");
      g_string_append (out, "\n      </step>\n");
      break;

    case CX_HOSTILE_BLANK:
      begin (out, "1.0", " xmlns:x=\"urn:hostile\"");
      for (guint i = 0; i < n; i++)
        {
          open_step (out, i, 16);
          g_string_append (out, "<x:e>");
          for (guint k = 0; k < 1024; k++)
            g_string_append_c (out, " \t\n\r"[k % 4]);
          g_string_append (out, "<x:f/>");
          for (guint k = 0; k < 1024; k++)
            g_string_append_c (out, "\n "[k % 2]);
          g_string_append (out, "</x:e>\n");
          close_step (out, i, 16, n);
        }
      break;

    case CX_HOSTILE_KNOWN_ATTRS:
      begin (out, "1.0", " xmlns:x=\"urn:hostile\"");
      g_string_append (out, "      <step id=\"s\">\n        <title>S</title>\n");
      for (guint i = 0; i < n; i++)
        g_string_append (out, "        <link kind=\"leads-to\" step=\"s\" x:w=\"1\"/>\n");
      g_string_append (out, "      </step>\n");
      break;

    case CX_HOSTILE_STEPS:
      begin (out, "1.0", "");
      for (guint i = 0; i < n; i++)
        g_string_append_printf (out, "      <step id=\"s%u\"><title>S</title></step>\n", i);
      break;

    case CX_N_HOSTILE:
    default:
      g_assert_not_reached ();
    }

  return end (out, length);
}
