/* cx-new-plan-dialog.c — choosing how a new plan starts
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The blank plan, or one of the templates bundled with the program
 * (cx-templates.h, the list `cxplan-tool new --list-templates` prints),
 * each with its title, what it is for and how many steps it starts with.
 * Create emits ::template-chosen with the template's name; the window
 * makes the plan.
 */

#define G_LOG_DOMAIN "cx-new-plan-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-new-plan-dialog.h"
#include "cx-templates.h"

struct _CxNewPlanDialog
{
  AdwWindow    parent_instance;

  GtkListBox  *templates_list;
  GtkWidget   *create_button;
  GPtrArray   *buttons;      /* GtkCheckButton, one a template, each with its "cx-template" */
  gboolean     just_chosen;  /* the row activated has just been chosen by it */
};

enum {
  TEMPLATE_CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

G_DEFINE_FINAL_TYPE (CxNewPlanDialog, cx_new_plan_dialog, ADW_TYPE_WINDOW)

static void
on_create_clicked (CxNewPlanDialog *self)
{
  g_autofree char *name = g_strdup (cx_new_plan_dialog_get_template (self));

  if (name == NULL)
    return;

  /* Gone first, so the plan's window comes up over nothing */
  g_object_ref (self);
  gtk_window_close (GTK_WINDOW (self));
  g_signal_emit (self, signals[TEMPLATE_CHOSEN], 0, name);
  g_object_unref (self);
}

/* A row activated (a click, Enter) chooses its template; activated again
 * when chosen, it creates the plan */
static void
on_row_activated (CxNewPlanDialog *self,
                  GtkListBoxRow   *row,
                  GtkListBox      *list)
{
  GtkCheckButton *button = g_object_get_data (G_OBJECT (row), "cx-button");
  gboolean just_chosen = self->just_chosen;

  self->just_chosen = FALSE;
  if (!just_chosen && gtk_check_button_get_active (button))
    on_create_clicked (self);
}

static void
on_toggled (CxNewPlanDialog *self,
            GtkCheckButton  *button)
{
  if (gtk_check_button_get_active (button))
    self->just_chosen = TRUE;
}

static GtkWidget *
template_row (CxNewPlanDialog  *self,
              const CxTemplate *template_,
              GtkCheckButton   *group)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_check_button_new ();
  g_autofree char *subtitle = NULL;
  const char *title;

  if (g_str_equal (template_->name, CX_TEMPLATE_BLANK))
    {
      title = _("Blank Plan");
      subtitle = g_strdup (_("Every lane of a service blueprint, with the emotion curve and "
                             "expected against delivered, and no step yet"));
    }
  else
    {
      title = template_->title != NULL ? template_->title : template_->name;
      /* Translators: how many steps a template has, then its description */
      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u step · %s", "%u steps · %s",
                                               template_->n_steps),
                                  template_->n_steps,
                                  template_->description != NULL ? template_->description : "");
    }

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 3);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, subtitle,
                                  -1);
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), group);
  g_object_set_data_full (G_OBJECT (button), "cx-template", g_strdup (template_->name), g_free);
  g_signal_connect_swapped (button, "toggled", G_CALLBACK (on_toggled), self);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_set_data (G_OBJECT (row), "cx-button", button);
  g_ptr_array_add (self->buttons, button);

  return row;
}

static void
cx_new_plan_dialog_dispose (GObject *object)
{
  CxNewPlanDialog *self = CX_NEW_PLAN_DIALOG (object);

  g_clear_pointer (&self->buttons, g_ptr_array_unref);
  gtk_widget_dispose_template (GTK_WIDGET (self), CX_TYPE_NEW_PLAN_DIALOG);

  G_OBJECT_CLASS (cx_new_plan_dialog_parent_class)->dispose (object);
}

static void
cx_new_plan_dialog_class_init (CxNewPlanDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = cx_new_plan_dialog_dispose;

  /**
   * CxNewPlanDialog::template-chosen:
   * @self: the dialog
   * @name: the template's name, or "blank"
   *
   * The user chose how to start, and the dialog is closed.
   */
  signals[TEMPLATE_CHOSEN] =
    g_signal_new ("template-chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-new-plan-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CxNewPlanDialog, templates_list);
  gtk_widget_class_bind_template_child (widget_class, CxNewPlanDialog, create_button);
  gtk_widget_class_bind_template_callback (widget_class, on_create_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
cx_new_plan_dialog_init (CxNewPlanDialog *self)
{
  g_autoptr(GPtrArray) templates = cx_templates_list ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->buttons = g_ptr_array_new ();
  for (guint i = 0; i < templates->len; i++)
    gtk_list_box_append (self->templates_list,
                         template_row (self, g_ptr_array_index (templates, i),
                                       self->buttons->len > 0
                                         ? g_ptr_array_index (self->buttons, 0) : NULL));

  /* The blank plan, unless another is chosen */
  if (self->buttons->len > 0)
    gtk_check_button_set_active (g_ptr_array_index (self->buttons, 0), TRUE);
  self->just_chosen = FALSE;
  gtk_window_set_default_widget (GTK_WINDOW (self), self->create_button);
}

/**
 * cx_new_plan_dialog_new:
 * @parent: the window the plan is asked for from
 *
 * Returns: (transfer none): a new dialog over @parent, not yet shown
 */
CxNewPlanDialog *
cx_new_plan_dialog_new (GtkWindow *parent)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);

  return g_object_new (CX_TYPE_NEW_PLAN_DIALOG, "transient-for", parent, NULL);
}

/**
 * cx_new_plan_dialog_get_template:
 * @self: a #CxNewPlanDialog
 *
 * Returns: (nullable): the name of the template chosen
 */
const char *
cx_new_plan_dialog_get_template (CxNewPlanDialog *self)
{
  g_return_val_if_fail (CX_IS_NEW_PLAN_DIALOG (self), NULL);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->buttons, i);

      if (gtk_check_button_get_active (button))
        return g_object_get_data (G_OBJECT (button), "cx-template");
    }

  return NULL;
}

/**
 * cx_new_plan_dialog_set_template:
 * @self: a #CxNewPlanDialog
 * @name: a template's name
 *
 * Chooses the template, as clicking its row does.
 *
 * Returns: whether the dialog offers it
 */
gboolean
cx_new_plan_dialog_set_template (CxNewPlanDialog *self,
                                 const char      *name)
{
  g_return_val_if_fail (CX_IS_NEW_PLAN_DIALOG (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  for (guint i = 0; i < self->buttons->len; i++)
    {
      GtkCheckButton *button = g_ptr_array_index (self->buttons, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (button), "cx-template"), name) == 0)
        {
          gtk_check_button_set_active (button, TRUE);
          return TRUE;
        }
    }

  return FALSE;
}
