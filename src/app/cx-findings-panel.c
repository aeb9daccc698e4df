/* cx-findings-panel.c — the findings of the checks, to go to
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A list in document order, as the checks return them. Choosing a row
 * emits ::finding-activated; the window selects the step flagged and
 * scrolls the map to what the finding points at.
 */

#define G_LOG_DOMAIN "cx-findings-panel"

#include "config.h"

#include "cx-finding-row.h"
#include "cx-findings-panel.h"

struct _CxFindingsPanel
{
  AdwBin      parent_instance;

  guint       n_findings;

  GtkStack   *stack;
  GtkListBox *list_box;
};

enum {
  FINDING_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CxFindingsPanel, cx_findings_panel, ADW_TYPE_BIN)

static void
on_row_activated (CxFindingsPanel *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list_box)
{
  g_assert (CX_IS_FINDINGS_PANEL (self));

  if (CX_IS_FINDING_ROW (row))
    g_signal_emit (self, signals[FINDING_ACTIVATED], 0,
                   cx_finding_row_get_finding (CX_FINDING_ROW (row)));
}

static void
cx_findings_panel_dispose (GObject *object)
{

  G_OBJECT_CLASS (cx_findings_panel_parent_class)->dispose (object);
}

static void
cx_findings_panel_class_init (CxFindingsPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_findings_panel_dispose;

  /**
   * CxFindingsPanel::finding-activated:
   * @self: the panel
   * @finding: (type CxFinding): the finding chosen
   */
  signals[FINDING_ACTIVATED] =
    g_signal_new ("finding-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1,
                  CX_TYPE_FINDING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-findings-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, CxFindingsPanel, list_box);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
cx_findings_panel_init (CxFindingsPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
cx_findings_panel_new (void)
{
  return g_object_new (CX_TYPE_FINDINGS_PANEL, NULL);
}

/**
 * cx_findings_panel_set_findings:
 * @self: a #CxFindingsPanel
 * @findings: (nullable) (element-type CxFinding): the findings to list
 */
void
cx_findings_panel_set_findings (CxFindingsPanel *self,
                                GPtrArray       *findings)
{
  GtkWidget *child;

  g_return_if_fail (CX_IS_FINDINGS_PANEL (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  self->n_findings = findings != NULL ? findings->len : 0;
  for (guint i = 0; i < self->n_findings; i++)
    gtk_list_box_append (self->list_box, cx_finding_row_new (g_ptr_array_index (findings, i)));

  gtk_stack_set_visible_child_name (self->stack, self->n_findings > 0 ? "list" : "none");
}

guint
cx_findings_panel_get_n_findings (CxFindingsPanel *self)
{
  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), 0);

  return self->n_findings;
}

/**
 * cx_findings_panel_activate_index:
 * @self: a #CxFindingsPanel
 * @index: a row
 *
 * Selects and activates the row @index, as a click would.
 *
 * Returns: whether there is such a row
 */
gboolean
cx_findings_panel_activate_index (CxFindingsPanel *self,
                                  guint            index)
{
  GtkListBoxRow *row;

  g_return_val_if_fail (CX_IS_FINDINGS_PANEL (self), FALSE);

  row = gtk_list_box_get_row_at_index (self->list_box, index);
  if (row == NULL)
    return FALSE;

  gtk_list_box_select_row (self->list_box, row);
  g_signal_emit_by_name (row, "activate");

  return TRUE;
}
