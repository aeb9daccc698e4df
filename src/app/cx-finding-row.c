/* cx-finding-row.c — one finding of the checks in a list
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The severity shows by its icon's shape as well as its colour, so a
 * reader who cannot tell red from yellow still can tell them apart.
 * Rows are recycled by the list view: a row shows whichever finding it
 * is bound to.
 */

#define G_LOG_DOMAIN "cx-finding-row"

#include "config.h"

#include <glib/gi18n.h>

#include <string.h>

#include "cx-finding-row.h"

struct _CxFindingRow
{
  AdwBin         parent_instance;

  const CxFinding *finding;   /* owned by the list's item */
  char            *summary;   /* what a screen reader says of it */

  GtkLabel      *heading_label;
  GtkWidget     *content_box;
  GtkImage      *icon;
  GtkLabel      *message_label;
  GtkLabel      *where_label;
  GtkLabel      *reason_label;
  GtkWidget     *fix_button;
  GtkWidget     *stop_button;
  GtkWidget     *menu_button;

  CxFixKind      fix;
};

enum {
  ACTION,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CxFindingRow, cx_finding_row, ADW_TYPE_BIN)

/**
 * cx_severity_icon_name:
 * @severity: a #CxSeverity
 *
 * Returns: the symbolic icon that stands for @severity
 */
const char *
cx_severity_icon_name (CxSeverity severity)
{
  switch (severity)
    {
    case CX_SEVERITY_ERROR:   return "dialog-error-symbolic";
    case CX_SEVERITY_WARNING: return "dialog-warning-symbolic";
    case CX_SEVERITY_INFO:
    default:                  return "dialog-information-symbolic";
    }
}

static const char *
severity_name (CxSeverity severity)
{
  switch (severity)
    {
    case CX_SEVERITY_ERROR:   return _("Error");
    case CX_SEVERITY_WARNING: return _("Warning");
    case CX_SEVERITY_INFO:
    default:                  return _("Info");
    }
}

static const char *
severity_class (CxSeverity severity)
{
  switch (severity)
    {
    case CX_SEVERITY_ERROR:   return "error";
    case CX_SEVERITY_WARNING: return "warning";
    case CX_SEVERITY_INFO:
    default:                  return "accent";
    }
}

static void
cx_finding_row_dispose (GObject *object)
{
  CxFindingRow *self = CX_FINDING_ROW (object);

  self->finding = NULL;
  g_clear_pointer (&self->summary, g_free);
  gtk_widget_dispose_template (GTK_WIDGET (self), CX_TYPE_FINDING_ROW);

  G_OBJECT_CLASS (cx_finding_row_parent_class)->dispose (object);
}

static void
row_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  CxFindingRow *self = CX_FINDING_ROW (widget);

  if (self->finding != NULL)
    g_signal_emit (self, signals[ACTION], 0, action_name + strlen ("row."));
}

static void
cx_finding_row_class_init (CxFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_finding_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, heading_label);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, content_box);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, where_label);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, reason_label);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, fix_button);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, stop_button);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, menu_button);

  /**
   * CxFindingRow::action:
   * @self: the row
   * @action: "explain", "fix", "accept" or "stop-accepting"
   *
   * The user asked for this of the finding shown.
   */
  signals[ACTION] = g_signal_new ("action", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                                  G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "row.explain", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.fix", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.accept", NULL, row_action);
  gtk_widget_class_install_action (widget_class, "row.stop-accepting", NULL, row_action);
}

static void
cx_finding_row_init (CxFindingRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * cx_finding_row_new:
 *
 * Returns: (transfer full): a row showing no finding yet
 */
GtkWidget *
cx_finding_row_new (void)
{
  return g_object_new (CX_TYPE_FINDING_ROW, NULL);
}

/* The reason of an accepted finding, its fix, and the menu of what can be
 * done with it */
static void
update_extras (CxFindingRow *self)
{
  const CxFinding *finding = self->finding;
  g_autoptr(GMenu) menu = g_menu_new ();
  const char *fix_label = cx_fix_get_label (self->fix);

  if (finding != NULL && finding->accepted)
    {
      g_autofree char *reason = g_strdup_printf (_("Accepted: %s"),
                                                 finding->reason != NULL ? finding->reason : "");

      gtk_label_set_text (self->reason_label, reason);
      gtk_widget_add_css_class (GTK_WIDGET (self), "cx-accepted");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self), "cx-accepted");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->reason_label), finding != NULL && finding->accepted);

  gtk_widget_set_visible (self->fix_button, finding != NULL && fix_label != NULL &&
                                            !finding->accepted);
  if (fix_label != NULL)
    gtk_button_set_label (GTK_BUTTON (self->fix_button), fix_label);
  gtk_widget_set_visible (self->stop_button, finding != NULL && finding->accepted);

  g_menu_append (menu, _("What Does This Check Look For?"), "row.explain");
  if (fix_label != NULL)
    g_menu_append (menu, fix_label, "row.fix");
  if (finding != NULL && finding->accepted)
    g_menu_append (menu, _("Stop Accepting"), "row.stop-accepting");
  else if (finding != NULL && cx_finding_can_be_accepted (finding))
    g_menu_append (menu, _("Accept…"), "row.accept");
  gtk_menu_button_set_menu_model (GTK_MENU_BUTTON (self->menu_button), G_MENU_MODEL (menu));
}

/**
 * cx_finding_row_set_fix:
 * @self: a #CxFindingRow
 * @fix: the remedy the finding shown offers
 */
void
cx_finding_row_set_fix (CxFindingRow *self,
                        CxFixKind     fix)
{
  g_return_if_fail (CX_IS_FINDING_ROW (self));

  self->fix = fix;
  update_extras (self);
}

/**
 * cx_finding_row_popup_menu:
 * @self: a #CxFindingRow
 *
 * Opens the menu of what can be done with the finding (the keyboard's
 * Menu key and Shift+F10 on the row).
 */
void
cx_finding_row_popup_menu (CxFindingRow *self)
{
  g_return_if_fail (CX_IS_FINDING_ROW (self));

  /* A heading has none */
  if (self->finding != NULL)
    gtk_menu_button_popup (GTK_MENU_BUTTON (self->menu_button));
}

/**
 * cx_finding_row_set_finding:
 * @self: a #CxFindingRow
 * @finding: (nullable): a finding of cx_check_plan(), which must outlive
 *   the binding
 *
 * Shows @finding.
 */
void
cx_finding_row_set_finding (CxFindingRow    *self,
                            const CxFinding *finding)
{
  static const CxSeverity severities[] = {
    CX_SEVERITY_INFO, CX_SEVERITY_WARNING, CX_SEVERITY_ERROR
  };
  const CxCheckInfo *info;
  g_autofree char *where = NULL;
  g_autofree char *accessible = NULL;

  g_return_if_fail (CX_IS_FINDING_ROW (self));

  self->finding = finding;
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), FALSE);
  gtk_widget_set_visible (self->content_box, TRUE);
  for (guint i = 0; i < G_N_ELEMENTS (severities); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->icon), severity_class (severities[i]));

  if (finding == NULL)
    {
      gtk_label_set_text (self->message_label, "");
      gtk_label_set_text (self->where_label, "");
      return;
    }

  info = cx_check_info (finding->check);

  gtk_image_set_from_icon_name (self->icon, cx_severity_icon_name (finding->severity));
  gtk_widget_add_css_class (GTK_WIDGET (self->icon), severity_class (finding->severity));
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->icon), severity_name (finding->severity));
  gtk_label_set_text (self->message_label, finding->message);

  /* Translators: check id, check name, line in the file: "CX001 unsustainable-wow · line 41" */
  if (finding->line > 0)
    where = g_strdup_printf (_("%s %s · line %u"), info->id, info->name, finding->line);
  else
    where = g_strdup_printf ("%s %s", info->id, info->name);
  gtk_label_set_text (self->where_label, where);

  accessible = g_strdup_printf ("%s: %s (%s)", severity_name (finding->severity),
                                finding->message, where);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);
  update_extras (self);
  g_free (self->summary);
  self->summary = g_steal_pointer (&accessible);
}

/**
 * cx_finding_row_set_heading:
 * @self: a #CxFindingRow
 * @heading: the heading the row shows in place of a finding
 *
 * Makes the row the heading of a section of the list (the accepted
 * findings, at its end): a row of no finding, that nothing can be done
 * with.
 */
void
cx_finding_row_set_heading (CxFindingRow *self,
                            const char   *heading)
{
  g_return_if_fail (CX_IS_FINDING_ROW (self));
  g_return_if_fail (heading != NULL);

  cx_finding_row_set_finding (self, NULL);
  gtk_label_set_text (self->heading_label, heading);
  gtk_widget_set_visible (GTK_WIDGET (self->heading_label), TRUE);
  gtk_widget_set_visible (self->content_box, FALSE);
  gtk_widget_remove_css_class (GTK_WIDGET (self), "cx-accepted");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
  g_free (self->summary);
  self->summary = g_strdup (heading);
}

/**
 * cx_finding_row_get_summary:
 * @self: a #CxFindingRow
 *
 * Returns: (nullable): the finding in one sentence, as a screen reader
 *   says it: its severity, message, check and line
 */
const char *
cx_finding_row_get_summary (CxFindingRow *self)
{
  g_return_val_if_fail (CX_IS_FINDING_ROW (self), NULL);

  return self->finding != NULL || gtk_widget_get_visible (GTK_WIDGET (self->heading_label))
         ? self->summary : NULL;
}

/**
 * cx_finding_row_get_finding:
 * @self: a #CxFindingRow
 *
 * Returns: (transfer none): the finding shown
 */
const CxFinding *
cx_finding_row_get_finding (CxFindingRow *self)
{
  g_return_val_if_fail (CX_IS_FINDING_ROW (self), NULL);

  return self->finding;
}
