/* test-check-format.c — the check engine's message formatter against printf
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * cx_check_format() and cx_check_append() copy the pieces of a template
 * with %s, %d, %u and %% in place of printf, and hand anything else to
 * printf. Either way the text must be printf's to the byte: the messages
 * of every language come out of it, and a translator may write a
 * positional argument or a width some day.
 */

#define G_LOG_DOMAIN "test-checks"

#include "config.h"

#include "cx-check-private.h"

/* Not a constant, so that the compiler lets a NULL %s through */
static const char *
nothing (void)
{
  return g_test_rand_bit () ? NULL : NULL;
}

#define SAME(format, ...) \
  G_STMT_START { \
    g_autofree char *ours = cx_check_format (format, __VA_ARGS__); \
    g_autofree char *printfs = g_strdup_printf (format, __VA_ARGS__); \
    g_autoptr(GString) appended = g_string_new ("before: "); \
    cx_check_append (appended, format, __VA_ARGS__); \
    g_assert_cmpstr (ours, ==, printfs); \
    g_assert_true (g_str_has_prefix (appended->str, "before: ")); \
    g_assert_cmpstr (appended->str + strlen ("before: "), ==, printfs); \
    g_assert_cmpuint (strlen (appended->str), ==, appended->len); \
  } G_STMT_END

static void
test_simple (void)
{
  SAME ("%s", "");
  SAME ("step '%s' has no owner", "Pay");
  SAME ("%s%s%s", "a", "", "c");
  SAME ("„%s“ liefert Stufe %d, %s unter dem Median von %s", "Zahlen", 2, "1,5", "3,5");
  SAME ("%d %d %d %d", 0, -1, G_MININT, G_MAXINT);
  SAME ("%u later steps, %u %%", 0u, G_MAXUINT);
  SAME ("100%% of %s, and a trailing text", "it");
  SAME ("%s at the end %s", "one", nothing ());
  SAME ("%d%d%d%d%d%d%d%d", 1, 22, 333, 4444, 55555, -666666, 7777777, -88888888);
}

static void
test_printf (void)
{
  /* Anything but %s, %d, %u and %% goes to printf, and comes out as its */
  SAME ("%2$s before %1$s", "one", "two");
  SAME ("%5d|%-5d|%05d", 42, 42, 42);
  SAME ("%.1f below", 1.5);
  SAME ("%x %c %s", 255u, 'z', "end");
  SAME ("%.2s", "abcdef");
  /* More numbers, or more pieces, than the pieces hold */
  SAME ("%d %d %d %d %d %d %d %d %d", 1, 2, 3, 4, 5, 6, 7, 8, 9);
  SAME ("%s-%s-%s-%s-%s-%s-%s-%s-%s-%s-%s-%s-%s-%s", "a", "b", "c", "d", "e", "f", "g", "h",
        "i", "j", "k", "l", "m", "n");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-format/simple", test_simple);
  g_test_add_func ("/check-format/printf", test_printf);

  return g_test_run ();
}
