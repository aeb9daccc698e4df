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

#include "cx-finding-row.h"

struct _CxFindingRow
{
  AdwBin         parent_instance;

  const CxFinding *finding;   /* owned by the list's item */
  char            *summary;   /* what a screen reader says of it */

  GtkImage      *icon;
  GtkLabel      *message_label;
  GtkLabel      *where_label;
};

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
cx_finding_row_class_init (CxFindingRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_finding_row_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-finding-row.ui");
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, icon);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, message_label);
  gtk_widget_class_bind_template_child (widget_class, CxFindingRow, where_label);
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
  g_free (self->summary);
  self->summary = g_steal_pointer (&accessible);
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

  return self->finding != NULL ? self->summary : NULL;
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
