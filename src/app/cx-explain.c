/* cx-explain.c — what a check looks for, shown for one of its findings
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The explain texts are written once, in core (cx_check_explain()), and
 * shared with `cxplan-tool explain`; this shows them in the window.
 */

#define G_LOG_DOMAIN "cx-explain"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-explain.h"

static void
append_section (GString    *markup,
                const char *heading,
                const char *text)
{
  g_autofree char *escaped = NULL;

  if (text == NULL || *text == '\0')
    return;

  escaped = g_markup_escape_text (text, -1);
  if (markup->len > 0)
    g_string_append (markup, "\n\n");
  if (heading != NULL)
    g_string_append_printf (markup, "<b>%s</b>\n", heading);
  g_string_append (markup, escaped);
}

/**
 * cx_explain_markup:
 * @check: a check
 *
 * Returns: (transfer full): the check's explain text, as Pango markup with
 *   a heading for each part
 */
char *
cx_explain_markup (CxCheckId check)
{
  GString *markup = g_string_new (NULL);
  CxCheckExplanation explanation;

  cx_check_explain (check, &explanation);
  append_section (markup, NULL, explanation.summary);
  append_section (markup, _("The rule"), explanation.rule);
  append_section (markup, _("Why it matters"), explanation.why);
  append_section (markup, _("Where the idea comes from"), explanation.source);
  append_section (markup, _("How a plan answers it"), explanation.answer);

  return g_string_free (markup, FALSE);
}

/**
 * cx_explain_show:
 * @parent: the window of the finding
 * @check: the check that made the finding
 *
 * Shows the check's explanation in a dialog over @parent.
 */
void
cx_explain_show (GtkWindow *parent,
                 CxCheckId  check)
{
  const CxCheckInfo *info = cx_check_info (check);
  g_autofree char *heading = NULL;
  g_autofree char *markup = cx_explain_markup (check);
  GtkWidget *dialog, *scrolled, *label;

  /* Translators: "CX012 · peak-end", a check's id and name */
  heading = g_strdup_printf (_("%s · %s"), info->id, info->name);
  dialog = adw_message_dialog_new (parent, heading, NULL);

  label = gtk_label_new (NULL);
  gtk_label_set_markup (GTK_LABEL (label), markup);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 60);
  scrolled = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), label);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), scrolled);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}
