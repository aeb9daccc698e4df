/* cx-window-actions.c — what the user can do in a window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every command is a GAction in the window's action map (menus, buttons
 * and the accelerators set in CxApplication name them, the tests and
 * scripts on the session bus activate them); editing is in
 * cx-window-edit.c. Saving and exporting run asynchronously; each flow ends by
 * calling its CxWindowDoneFunc exactly once, so closing and replacing a
 * plan can wait for a save that asks questions of its own.
 */

#define G_LOG_DOMAIN "cx-window-actions"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "cx-format.h"
#include "cx-print-operation.h"
#include "cx-window-private.h"

static char *
display_basename (GFile *file)
{
  g_autofree char *basename = g_file_get_basename (file);

  return g_filename_display_name (basename);
}

static void
call_done (CxWindowDoneFunc  done,
           CxWindow         *self,
           gboolean          success,
           gpointer          user_data)
{
  if (done != NULL)
    done (self, success, user_data);
}

static GtkFileFilter *
new_filter (const char *name,
            const char *pattern,
            const char *mime_type)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, name);
  if (pattern != NULL)
    gtk_file_filter_add_pattern (filter, pattern);
  if (mime_type != NULL)
    gtk_file_filter_add_mime_type (filter, mime_type);

  return filter;
}

static void
set_current_folder_from (GtkFileChooser *chooser,
                         CxDocument     *document)
{
  GFile *file = document != NULL ? cx_document_get_file (document) : NULL;
  g_autoptr(GFile) parent = NULL;

  if (file != NULL)
    parent = g_file_get_parent (file);
  if (parent != NULL)
    gtk_file_chooser_set_current_folder (chooser, parent, NULL);
}

/* A modal chooser over @self, in the folder of the plan shown */
static GtkFileChooser *
new_chooser (CxWindow             *self,
             const char           *title,
             GtkFileChooserAction  action,
             const char           *accept_label)
{
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (title, GTK_WINDOW (self), action,
                                        accept_label, _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  set_current_folder_from (GTK_FILE_CHOOSER (native), self->document);

  return GTK_FILE_CHOOSER (native);
}

/* Plans first, and everything else for a plan without its ending */
static void
add_plan_filters (GtkFileChooser *chooser)
{
  g_autoptr(GtkFileFilter) plans = new_filter (_("Customer journey plans"),
                                               "*" CX_FILE_SUFFIX, CX_MIME_TYPE);
  g_autoptr(GtkFileFilter) all = new_filter (_("All files"), "*", NULL);

  gtk_file_chooser_add_filter (chooser, plans);
  gtk_file_chooser_add_filter (chooser, all);
  gtk_file_chooser_set_filter (chooser, plans);
}

/* ------------------------------------------------------------------ */
/* Saving                                                              */

typedef struct
{
  CxWindow            *window;
  GFile               *file;
  CxDocumentSaveFlags  flags;
  CxWindowDoneFunc     done;
  gpointer             user_data;
} SaveOp;

static SaveOp *
save_op_new (CxWindow            *self,
             GFile               *file,
             CxDocumentSaveFlags  flags,
             CxWindowDoneFunc     done,
             gpointer             user_data)
{
  SaveOp *op = g_new0 (SaveOp, 1);

  op->window = g_object_ref (self);
  op->file = file != NULL ? g_object_ref (file) : NULL;
  op->flags = flags;
  op->done = done;
  op->user_data = user_data;

  return op;
}

/* Ends the flow: the callback, then the op is gone */
static void
save_op_finish (SaveOp   *op,
                gboolean  success)
{
  call_done (op->done, op->window, success, op->user_data);
  g_clear_object (&op->window);
  g_clear_object (&op->file);
  g_free (op);
}

static void
on_overwrite_response (AdwMessageDialog *dialog,
                       const char       *response,
                       SaveOp           *op)
{
  if (g_strcmp0 (response, "overwrite") == 0)
    _cx_window_save_document (op->window, op->file, op->flags | CX_DOCUMENT_SAVE_OVERWRITE,
                              op->done, op->user_data);
  else
    call_done (op->done, op->window, FALSE, op->user_data);

  op->done = NULL;
  save_op_finish (op, FALSE);
}

static void
ask_overwrite (SaveOp *op)
{
  g_autofree char *name = display_basename (op->file);
  g_autofree char *body = NULL;
  GtkWidget *dialog;

  body = g_strdup_printf (_("“%s” was changed by another program since it was opened or saved "
                            "here. Overwriting it loses those changes."), name);
  dialog = adw_message_dialog_new (GTK_WINDOW (op->window),
                                   _("The file has changed on disk"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "overwrite", _("_Overwrite"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "overwrite",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect (dialog, "response", G_CALLBACK (on_overwrite_response), op);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_document_saved (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  CxDocument *document = CX_DOCUMENT (object);
  SaveOp *op = user_data;
  g_autoptr(GError) error = NULL;

  if (cx_document_save_finish (document, result, &error))
    {
      _cx_window_add_recent (op->window, cx_document_get_file (document));
      save_op_finish (op, TRUE);
      return;
    }

  if (g_error_matches (error, CX_DOCUMENT_ERROR, CX_DOCUMENT_ERROR_CHANGED_ON_DISK))
    {
      if (op->file == NULL)
        op->file = g_object_ref (cx_document_get_file (document));
      ask_overwrite (op);
      return;
    }

  if (g_error_matches (error, CX_DOCUMENT_ERROR, CX_DOCUMENT_ERROR_NO_FILE))
    {
      _cx_window_save_document_as (op->window, op->done, op->user_data);
      op->done = NULL;
      save_op_finish (op, FALSE);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GFile *file = op->file != NULL ? op->file : cx_document_get_file (document);
      g_autofree char *name = display_basename (file);
      g_autofree char *heading = g_strdup_printf (_("“%s” could not be saved"), name);

      _cx_window_show_error (op->window, heading, error->message);
    }
  save_op_finish (op, FALSE);
}

/**
 * _cx_window_save_document:
 * @self: a #CxWindow
 * @file: (nullable): where to save: %NULL for the document's own file
 * @flags: %CX_DOCUMENT_SAVE_OVERWRITE to skip the changed-on-disk question
 * @done: (nullable): called once when the save is over
 * @user_data: for @done
 *
 * Saves the window's plan, asking before overwriting a file that changed
 * on disk, asking where for a plan that has no file, and showing what
 * went wrong. What Save and the Save As chooser call.
 */
void
_cx_window_save_document (CxWindow            *self,
                          GFile               *file,
                          CxDocumentSaveFlags  flags,
                          CxWindowDoneFunc     done,
                          gpointer             user_data)
{
  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (file == NULL || G_IS_FILE (file));

  if (self->document == NULL)
    {
      call_done (done, self, FALSE, user_data);
      return;
    }

  cx_document_save_async (self->document, file, flags, NULL, on_document_saved,
                          save_op_new (self, file, flags, done, user_data));
}

static void
on_save_as_response (GtkNativeDialog *native,
                     int              response,
                     SaveOp          *op)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      _cx_window_save_document (op->window, file, CX_DOCUMENT_SAVE_DEFAULT,
                                op->done, op->user_data);
      op->done = NULL;
    }

  save_op_finish (op, FALSE);
  g_object_unref (native);
}

/**
 * _cx_window_save_document_as:
 * @self: a #CxWindow
 * @done: (nullable): called once when the save is over or was not wanted
 * @user_data: for @done
 *
 * Asks where to save the plan, then saves it there.
 */
void
_cx_window_save_document_as (CxWindow         *self,
                             CxWindowDoneFunc  done,
                             gpointer          user_data)
{
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;

  g_return_if_fail (CX_IS_WINDOW (self));

  if (self->document == NULL)
    {
      call_done (done, self, FALSE, user_data);
      return;
    }

  chooser = new_chooser (self, _("Save Plan As"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Save"));
  add_plan_filters (chooser);
  name = cx_document_dup_name (self->document);
  gtk_file_chooser_set_current_name (chooser, name);

  g_signal_connect (chooser, "response", G_CALLBACK (on_save_as_response),
                    save_op_new (self, NULL, CX_DOCUMENT_SAVE_DEFAULT, done, user_data));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

/* ------------------------------------------------------------------ */
/* Unsaved changes                                                     */

typedef struct
{
  CxWindow         *window;
  CxWindowDoneFunc  done;
  gpointer          user_data;
} ConfirmOp;

static void
on_discard_response (AdwMessageDialog *dialog,
                     const char       *response,
                     ConfirmOp        *op)
{
  if (g_strcmp0 (response, "save") == 0)
    _cx_window_save_document (op->window, NULL, CX_DOCUMENT_SAVE_DEFAULT,
                              op->done, op->user_data);
  else
    call_done (op->done, op->window, g_strcmp0 (response, "discard") == 0, op->user_data);

  g_object_unref (op->window);
  g_free (op);
}

/**
 * _cx_window_confirm_discard:
 * @self: a #CxWindow
 * @done: called once: with %TRUE when the plan shown may be let go of
 * @user_data: for @done
 *
 * Before a plan is closed or replaced: with unsaved changes, asks whether
 * to save them (Save / Discard / Cancel).
 */
void
_cx_window_confirm_discard (CxWindow         *self,
                            CxWindowDoneFunc  done,
                            gpointer          user_data)
{
  g_autofree char *name = NULL;
  g_autofree char *body = NULL;
  GtkWidget *dialog;
  ConfirmOp *op;

  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (done != NULL);

  if (self->document == NULL || !cx_document_get_modified (self->document))
    {
      done (self, TRUE, user_data);
      return;
    }

  name = cx_document_dup_name (self->document);
  if (cx_document_get_file (self->document) == NULL)
    body = g_strdup_printf (_("This copy of “%s” has never been saved. "
                              "If you do not save it, it is lost."), name);
  else
    body = g_strdup_printf (_("“%s” has changes that are not saved. "
                              "If you do not save them, they are lost."), name);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Save Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "discard", _("_Discard"),
                                    "save", _("_Save"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  op = g_new0 (ConfirmOp, 1);
  op->window = g_object_ref (self);
  op->done = done;
  op->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (on_discard_response), op);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* ------------------------------------------------------------------ */
/* Export                                                              */

static const struct
{
  CxExportFormat  format;
  const char     *suffix;
  const char     *mime_type;
} export_formats[] = {
  { CX_EXPORT_PDF, ".pdf", "application/pdf" },
  { CX_EXPORT_SVG, ".svg", "image/svg+xml" },
  { CX_EXPORT_PNG, ".png", "image/png" },
};

static void
on_exported (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;   /* holds the window and the file */
  CxWindow *self = g_task_get_source_object (task);
  GFile *file = g_task_get_task_data (task);
  g_autofree char *name = display_basename (file);
  g_autoptr(GError) error = NULL;

  if (cx_document_export_finish (CX_DOCUMENT (object), result, &error))
    {
      g_autofree char *title = g_strdup_printf (_("Exported to %s"), name);

      _cx_window_show_toast (self, title);
    }
  else
    {
      g_autofree char *heading = g_strdup_printf (_("The map could not be exported to “%s”"),
                                                  name);

      _cx_window_show_error (self, heading, error->message);
    }
}

/**
 * _cx_window_export_to_file:
 * @self: a #CxWindow
 * @file: a local file
 * @format: its format
 *
 * Exports the map in a thread, and says how it went.
 */
void
_cx_window_export_to_file (CxWindow       *self,
                           GFile          *file,
                           CxExportFormat  format)
{
  GTask *task;

  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->document == NULL)
    return;

  /* A task only to keep the window and file for the callback */
  task = g_task_new (self, NULL, NULL, NULL);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  cx_document_export_async (self->document, file, format, NULL, on_exported, task);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    CxWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      CxExportFormat format;
      g_autoptr(GFile) file = _cx_window_export_chosen (GTK_FILE_CHOOSER (native), &format);

      /* the type list and the name's ending agree (cx-window-export.c) */
      if (file != NULL)
        _cx_window_export_to_file (self, file, format);
    }

  g_object_unref (native);
  g_object_unref (self);
}

static void
export_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  GtkFileChooser *chooser;
  g_autofree char *name = NULL;
  char *dot;

  if (self->document == NULL)
    return;

  chooser = new_chooser (self, _("Export Map"), GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"));
  for (guint i = 0; i < G_N_ELEMENTS (export_formats); i++)
    {
      g_autoptr(GtkFileFilter) filter = NULL;
      g_autofree char *pattern = g_strconcat ("*", export_formats[i].suffix, NULL);
      const char *label = export_formats[i].format == CX_EXPORT_PDF ? _("PDF document")
                          : export_formats[i].format == CX_EXPORT_SVG ? _("SVG image")
                          : _("PNG image");

      filter = new_filter (label, pattern, export_formats[i].mime_type);
      _cx_window_set_export_filter_format (filter, export_formats[i].format);
      gtk_file_chooser_add_filter (chooser, filter);
      if (i == 0)
        {
          gtk_file_chooser_set_filter (chooser, filter);
          g_object_set_data (G_OBJECT (chooser), CX_EXPORT_OPENED_FILTER, filter);
        }
    }

  name = cx_document_dup_name (self->document);
  dot = strrchr (name, '.');
  if (dot != NULL && dot != name)
    *dot = '\0';
  {
    g_autofree char *suggested = g_strconcat (name, ".pdf", NULL);

    gtk_file_chooser_set_current_name (chooser, suggested);
  }

  g_signal_connect (chooser, "response", G_CALLBACK (on_export_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
  _cx_window_follow_export_filter (self, chooser);
}

/* ------------------------------------------------------------------ */
/* Print                                                               */

static void
on_print_done (GtkPrintOperation       *operation,
               GtkPrintOperationResult  result,
               CxWindow                *self)
{
  g_object_set_data (G_OBJECT (operation), "cx-done", GINT_TO_POINTER (TRUE));

  if (result == GTK_PRINT_OPERATION_RESULT_APPLY)
    {
      g_set_object (&self->print_settings, gtk_print_operation_get_print_settings (operation));
      g_set_object (&self->page_setup, gtk_print_operation_get_default_page_setup (operation));
    }
  else if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      _cx_window_show_error (self, _("The map could not be printed"),
                             error != NULL ? error->message : NULL);
    }

  /* The reference taken for the run, which may outlive print_action() */
  g_object_unref (operation);
}

static void
print_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPrintOperation) operation = NULL;

  if (self->document == NULL)
    return;

  operation = cx_print_operation_new (cx_document_get_plan (self->document),
                                      cx_document_get_findings (self->document));
  if (self->print_settings != NULL)
    gtk_print_operation_set_print_settings (GTK_PRINT_OPERATION (operation),
                                            self->print_settings);
  if (self->page_setup != NULL)
    gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (operation),
                                                self->page_setup);

  g_signal_connect_object (operation, "done", G_CALLBACK (on_print_done), self, 0);
  g_object_ref (operation);
  gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                           GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                           GTK_WINDOW (self), &error);

  /* A failure before anything started is not reported through ::done */
  if (g_object_get_data (G_OBJECT (operation), "cx-done") == NULL && error != NULL)
    {
      _cx_window_show_error (self, _("The map could not be printed"), error->message);
      g_object_unref (operation);
    }
}

/* ------------------------------------------------------------------ */
/* Open, save                                                          */

static void
on_open_response (GtkNativeDialog *native,
                  int              response,
                  CxWindow        *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      cx_window_open_file (self, file, CX_DOCUMENT_LOAD_DEFAULT);
    }

  g_object_unref (native);
  g_object_unref (self);
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  GtkFileChooser *chooser;

  chooser = new_chooser (self, _("Open Plan"), GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"));
  add_plan_filters (chooser);

  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_sample_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_autoptr(GFile) file = g_file_new_for_uri (g_variant_get_string (parameter, NULL));

  /* A copy: saving asks where, so the sample itself is never overwritten */
  cx_window_open_file (CX_WINDOW (user_data), file, CX_DOCUMENT_LOAD_AS_COPY);
}

static void
save_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  _cx_window_save_document (CX_WINDOW (user_data), NULL, CX_DOCUMENT_SAVE_DEFAULT, NULL, NULL);
}

static void
save_as_action (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  _cx_window_save_document_as (CX_WINDOW (user_data), NULL, NULL);
}

static void
show_findings_action (GSimpleAction *action,
                      GVariant      *parameter,
                      gpointer       user_data)
{
  _cx_window_show_findings (CX_WINDOW (user_data));
}

/* The map's zoom lives on the map view (map.zoom-in …), but application
 * accelerators are resolved from the focus up, which outside the map (in
 * the findings, say) does not pass the map view: the window forwards them.
 * With the focus in the map, its own actions are found first. */
static void
forward_to_map_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  CxWindow *self = CX_WINDOW (widget);

  if (self->document != NULL)
    gtk_widget_activate_action_variant (GTK_WIDGET (self->map_view), action_name, parameter);
}

/* ------------------------------------------------------------------ */

void
_cx_window_class_actions_init (CxWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_install_action (widget_class, "map.zoom-in", NULL, forward_to_map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-out", NULL, forward_to_map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-reset", NULL, forward_to_map_action);
  gtk_widget_class_install_action (widget_class, "map.zoom-fit", NULL, forward_to_map_action);
}

/* A toggle of the window's property (a GPropertyAction would hold a
 * reference to the window, which holds it: they would never be freed) */
static void
show_side_panel_change_state (GSimpleAction *action,
                              GVariant      *state,
                              gpointer       user_data)
{
  _cx_window_reveal_side_panel (user_data, g_variant_get_boolean (state));
}

/* The toggle says whether the panel shows: beside the map, or over it */
static void
on_show_side_panel_changed (CxWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-side-panel");

  g_simple_action_set_state (G_SIMPLE_ACTION (action),
                             g_variant_new_boolean (_cx_window_get_side_panel_revealed (self)));
}

/* What the user does to the document or the window: in the window's own
 * action map, which GtkApplication exports on the session bus
 * (/io/github/cxplan/Planner/window/N), so scripts and tests can drive it */
static const GActionEntry window_actions[] = {
  { "open", open_action },
  { "open-sample", open_sample_action, "s" },
  { "save", save_action },
  { "save-as", save_as_action },
  { "export", export_action },
  { "print", print_action },
  { "show-findings", show_findings_action },
  { "show-side-panel", NULL, NULL, "true", show_side_panel_change_state },
};

void
_cx_window_actions_init (CxWindow *self)
{
  g_assert (CX_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), window_actions,
                                   G_N_ELEMENTS (window_actions), self);
  g_signal_connect_object (self->flap, "notify::reveal-flap",
                           G_CALLBACK (on_show_side_panel_changed), self, G_CONNECT_SWAPPED);
  on_show_side_panel_changed (self);
  _cx_window_edit_actions_init (self);
  _cx_window_properties_actions_init (self);
  _cx_window_find_init (self);
  _cx_window_regions_init (self);
}

/**
 * _cx_window_set_action_enabled:
 * @self: a #CxWindow
 * @name: an action of the window's action map, without "win."
 * @enabled: whether it can be used now
 */
void
_cx_window_set_action_enabled (CxWindow   *self,
                               const char *name,
                               gboolean    enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), name);

  g_return_if_fail (action != NULL);

  if (G_IS_SIMPLE_ACTION (action))
    g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/**
 * _cx_window_actions_update:
 * @self: a #CxWindow
 *
 * Enables what makes sense for the plan shown, or for none.
 */
void
_cx_window_actions_update (CxWindow *self)
{
  gboolean have_plan = self->document != NULL;
  gboolean busy = have_plan && cx_document_get_busy (self->document);

  g_assert (CX_IS_WINDOW (self));

  _cx_window_set_action_enabled (self, "save", have_plan && !busy);
  _cx_window_set_action_enabled (self, "save-as", have_plan && !busy);
  _cx_window_set_action_enabled (self, "export", have_plan);
  _cx_window_set_action_enabled (self, "print", have_plan);
  _cx_window_set_action_enabled (self, "show-findings", have_plan);
  _cx_window_set_action_enabled (self, "show-side-panel", have_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-in", have_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-out", have_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-reset", have_plan);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "map.zoom-fit", have_plan);
  _cx_window_edit_actions_update (self);
  _cx_window_find_update (self);
}
