/* cx-window.c — a window showing one plan
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window holds one CxDocument, or none (then it shows the welcome
 * page). A plan is read and checked in a thread; the window's document is
 * only replaced once the new one is accepted and the old one's changes
 * are saved or let go of. Actions live in cx-window-actions.c, dropping
 * files in cx-window-dnd.c.
 */

#define G_LOG_DOMAIN "cx-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-application.h"
#include "cx-samples.h"
#include "cx-window-private.h"

enum {
  PROP_0,
  PROP_DOCUMENT,
  PROP_SHOW_SIDE_PANEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxWindow, cx_window, ADW_TYPE_APPLICATION_WINDOW)

/* ------------------------------------------------------------------ */
/* Messages                                                            */

/**
 * _cx_window_show_error:
 * @self: a #CxWindow
 * @heading: what failed, naming the file
 * @body: (nullable): why
 *
 * Shows a message the user has to acknowledge.
 */
void
_cx_window_show_error (CxWindow   *self,
                       const char *heading,
                       const char *body)
{
  GtkWidget *dialog;

  g_return_if_fail (CX_IS_WINDOW (self));

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading, body);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_cx_window_show_toast (CxWindow   *self,
                       const char *title)
{
  g_return_if_fail (CX_IS_WINDOW (self));

  /* An export may end after its window was closed */
  if (self->toast_overlay == NULL)
    return;

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_cx_window_add_recent (CxWindow *self,
                       GFile    *file)
{
  g_autofree char *uri = NULL;

  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  gtk_recent_manager_add_item (gtk_recent_manager_get_default (), uri);
}

/* ------------------------------------------------------------------ */
/* Showing the document                                                */

static void
cx_window_update_title (CxWindow *self)
{
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  const char *title;

  g_assert (CX_IS_WINDOW (self));

  if (self->document == NULL)
    {
      adw_window_title_set_title (self->window_title, _("CX Planner"));
      adw_window_title_set_subtitle (self->window_title, NULL);
      gtk_window_set_title (GTK_WINDOW (self), _("CX Planner"));
      return;
    }

  title = cx_document_get_title (self->document);
  if (title == NULL)
    title = _("Untitled Plan");

  name = cx_document_dup_name (self->document);
  if (cx_document_get_file (self->document) == NULL &&
      cx_document_get_source (self->document) == NULL)
    /* Translators: a new plan, never saved */
    subtitle = g_strdup (_("New plan, not saved yet"));
  else if (cx_document_get_file (self->document) == NULL)
    /* Translators: a plan opened from a sample, that has no file of its own yet */
    subtitle = g_strdup_printf (_("Copy of %s (unsaved)"), name);
  else if (cx_document_get_modified (self->document))
    /* Translators: the file name of a plan with unsaved changes */
    subtitle = g_strdup_printf (_("• %s"), name);
  else
    subtitle = g_steal_pointer (&name);

  adw_window_title_set_title (self->window_title, title);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

static void
cx_window_update_findings (CxWindow *self)
{
  guint counts[3] = { 0, 0, 0 };
  char text[16];
  g_autofree char *summary = NULL;
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;
  g_autofree char *infos = NULL;

  g_assert (CX_IS_WINDOW (self));

  if (self->document != NULL)
    cx_document_count_findings (self->document, counts);

  g_snprintf (text, sizeof text, "%u", counts[CX_SEVERITY_ERROR]);
  gtk_label_set_text (self->error_count_label, text);
  g_snprintf (text, sizeof text, "%u", counts[CX_SEVERITY_WARNING]);
  gtk_label_set_text (self->warning_count_label, text);
  g_snprintf (text, sizeof text, "%u", counts[CX_SEVERITY_INFO]);
  gtk_label_set_text (self->info_count_label, text);

  errors = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u error", "%u errors",
                                         counts[CX_SEVERITY_ERROR]),
                            counts[CX_SEVERITY_ERROR]);
  warnings = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u warning", "%u warnings",
                                           counts[CX_SEVERITY_WARNING]),
                              counts[CX_SEVERITY_WARNING]);
  /* Translators: "info" findings, uncounted noun in English */
  infos = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u info", "%u info",
                                        counts[CX_SEVERITY_INFO]),
                           counts[CX_SEVERITY_INFO]);
  summary = g_strdup_printf ("%s · %s · %s", errors, warnings, infos);

  gtk_widget_set_tooltip_text (self->findings_button, summary);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->findings_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, summary,
                                  -1);

  gtk_widget_set_opacity (GTK_WIDGET (self->error_count_label),
                          counts[CX_SEVERITY_ERROR] > 0 ? 1.0 : 0.55);
  gtk_widget_set_opacity (GTK_WIDGET (self->warning_count_label),
                          counts[CX_SEVERITY_WARNING] > 0 ? 1.0 : 0.55);
  gtk_widget_set_opacity (GTK_WIDGET (self->info_count_label),
                          counts[CX_SEVERITY_INFO] > 0 ? 1.0 : 0.55);
  _cx_window_narrow_update_counts (self, counts);

}

static void
cx_window_show_findings_of (CxWindow *self)
{
  cx_window_update_findings (self);
  cx_findings_panel_set_plan (self->findings_panel,
                              self->document != NULL ? cx_document_get_plan (self->document) : NULL);
  cx_findings_panel_set_findings (self->findings_panel,
                                  self->document != NULL
                                    ? cx_document_get_findings (self->document) : NULL);
}

static void
on_document_changed (CxWindow   *self,
                     GParamSpec *pspec,
                     CxDocument *document)
{
  cx_window_update_title (self);
  _cx_window_actions_update (self);
}

/* The plan was checked again after an edit: the counts, the list and the
 * badges follow, the list keeping its place */
static void
on_findings_changed (CxWindow   *self,
                     CxDocument *document)
{
  cx_window_update_findings (self);
  cx_findings_panel_update_findings (self->findings_panel, cx_document_get_findings (document));
  cx_map_view_set_findings (self->map_view, cx_document_get_findings (document));
}

static void
on_history_changed (CxWindow *self)
{
  _cx_window_edit_actions_update (self);
}

static void
cx_window_set_document (CxWindow   *self,
                        CxDocument *document)
{
  g_assert (CX_IS_WINDOW (self));
  g_assert (document == NULL || CX_IS_DOCUMENT (document));

  if (self->document == document)
    return;

  if (self->document != NULL)
    {
      /* Saved, or its changes let go of */
      cx_document_discard_draft (self->document);
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (cx_document_get_history (self->document), self);
      g_signal_handlers_disconnect_by_data (cx_document_get_plan (self->document), self);
    }
  _cx_window_find_forget (self);

  g_set_object (&self->document, document);

  if (document != NULL)
    {
      g_signal_connect_object (document, "notify::modified",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::file",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::busy",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "notify::title",
                               G_CALLBACK (on_document_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (document, "findings-changed",
                               G_CALLBACK (on_findings_changed), self, G_CONNECT_SWAPPED);
      /* What Ctrl+F found may have changed */
      g_signal_connect_object (cx_document_get_plan (document), "changed",
                               G_CALLBACK (_cx_window_find_forget), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cx_document_get_history (document), "notify::can-undo",
                               G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (cx_document_get_history (document), "notify::can-redo",
                               G_CALLBACK (on_history_changed), self, G_CONNECT_SWAPPED);
    }

  cx_map_view_set_plan (self->map_view,
                        document != NULL ? cx_document_get_plan (document) : NULL,
                        document != NULL ? cx_document_get_findings (document) : NULL);
  cx_step_panel_set_history (self->step_panel,
                             document != NULL ? cx_document_get_history (document) : NULL);
  cx_map_view_set_history (self->map_view,
                           document != NULL ? cx_document_get_history (document) : NULL);
  cx_window_show_findings_of (self);
  cx_window_update_title (self);

  gtk_stack_set_visible_child_name (self->main_stack, document != NULL ? "plan" : "welcome");
  gtk_stack_set_visible_child_name (self->side_stack, "findings");
  gtk_widget_set_visible (self->findings_button, document != NULL);
  gtk_widget_set_visible (self->side_panel_button, document != NULL);
  if (document != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->map_view));

  _cx_window_actions_update (self);
  _cx_window_drafts_update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DOCUMENT]);
}

/* Shows @document instead of the plan shown, whose changes the user let
 * go of (cx-window-drafts.c: a recovered draft, the file reloaded) */
void
_cx_window_replace_document (CxWindow   *self,
                             CxDocument *document)
{
  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (CX_IS_DOCUMENT (document));

  cx_window_set_document (self, document);
}

/* ------------------------------------------------------------------ */
/* Map and panels                                                      */

static void
on_selected_step_changed (CxWindow   *self,
                          GParamSpec *pspec,
                          CxMapView  *map_view)
{
  cx_step_panel_set_step (self->step_panel, cx_map_view_get_selected_step (map_view));
  _cx_window_edit_actions_update (self);
}

static void
on_step_activated (CxWindow  *self,
                   CxStep    *step,
                   CxMapView *map_view)
{
  /* Looking at a step: its details, where the panel is open */
  gtk_stack_set_visible_child_name (self->side_stack, "step");
}

static void
on_finding_activated (CxWindow        *self,
                      const CxFinding *finding,
                      CxFindingsPanel *panel)
{
  CxMapLayout *layout = cx_map_view_get_layout (self->map_view);
  CxPlan *plan = self->document != NULL ? cx_document_get_plan (self->document) : NULL;
  cairo_rectangle_t rect;

  if (plan == NULL || layout == NULL)
    return;

  if (finding->step_id != NULL)
    {
      GObject *object = cx_plan_lookup_id (plan, finding->step_id);

      if (object != NULL && CX_IS_STEP (object))
        cx_map_view_set_selected_step (self->map_view, CX_STEP (object));
    }

  /* What the finding flags (a failure's badge, a phase's band) last, so
   * it wins over the step's column */
  if (cx_map_layout_get_finding_rect (layout, finding, &rect))
    cx_map_view_reveal (self->map_view, &rect);
}

/**
 * _cx_window_show_step:
 * @self: a #CxWindow
 * @open_panel: whether to open the side panel if it is closed
 *
 * Shows the selected step's editor in the side panel.
 */
void
_cx_window_show_step (CxWindow *self,
                      gboolean  open_panel)
{
  g_return_if_fail (CX_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->side_stack, "step");
  if (open_panel && !_cx_window_get_side_panel_revealed (self))
    _cx_window_reveal_side_panel (self, TRUE);
}

/**
 * _cx_window_show_findings:
 * @self: a #CxWindow
 *
 * Opens the side panel on the findings.
 */
void
_cx_window_show_findings (CxWindow *self)
{
  g_return_if_fail (CX_IS_WINDOW (self));

  gtk_stack_set_visible_child_name (self->side_stack, "findings");
  if (!_cx_window_get_side_panel_revealed (self))
    _cx_window_reveal_side_panel (self, TRUE);
  /* Into the list, past the filters above it */
  cx_findings_panel_focus_list (self->findings_panel);
}

/* ------------------------------------------------------------------ */
/* Samples                                                             */

static void
on_samples_listed (GObject      *object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(CxWindow) self = user_data;
  g_autoptr(GPtrArray) samples = NULL;
  g_autoptr(GError) error = NULL;

  samples = cx_samples_list_finish (result, &error);
  if (samples == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_debug ("No samples: %s", error->message);
      return;
    }

  for (guint i = 0; i < samples->len; i++)
    {
      const CxSample *sample = g_ptr_array_index (samples, i);
      g_autofree char *markup = g_markup_escape_text (sample->title, -1);
      g_autofree char *basename = g_file_get_basename (sample->file);
      g_autofree char *display = g_filename_display_name (basename);
      g_autofree char *uri = g_file_get_uri (sample->file);
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), display);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.open-sample");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", uri);
      gtk_list_box_append (self->samples_list, row);
    }

  gtk_widget_set_visible (self->samples_group, samples->len > 0);
}

/* ------------------------------------------------------------------ */
/* Opening                                                             */

typedef struct
{
  CxWindow   *window;
  CxDocument *document;
  GFile      *file;
} OpenData;

static void
open_data_free (OpenData *data)
{
  g_clear_object (&data->window);
  g_clear_object (&data->document);
  g_clear_object (&data->file);
  g_free (data);
}

static void
on_replace_confirmed (CxWindow *self,
                      gboolean  success,
                      gpointer  user_data)
{
  OpenData *data = user_data;

  if (success)
    {
      cx_window_set_document (self, data->document);
      if (cx_document_get_file (data->document) != NULL)
        _cx_window_add_recent (self, data->file);
    }

  open_data_free (data);
}

static void
on_document_loaded (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  OpenData *data = user_data;
  CxWindow *self = data->window;
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GError) error = NULL;

  self->loading--;
  data->document = cx_document_load_finish (result, &refusal, &error);
  if (data->document == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          g_autofree char *basename = g_file_get_basename (data->file);
          g_autofree char *name = g_filename_display_name (basename);
          g_autofree char *heading = NULL;
          g_autofree char *body = NULL;

          heading = g_strdup_printf (_("“%s” could not be opened"), name);
          if (refusal != NULL && refusal->line > 0)
            body = g_strdup_printf (_("Line %u: %s"), refusal->line, refusal->message);
          else if (refusal != NULL)
            body = g_strdup (refusal->message);
          else
            body = g_strdup (error->message);
          _cx_window_show_error (self, heading, body);
        }
      open_data_free (data);
      return;
    }

  _cx_window_confirm_discard (self, on_replace_confirmed, data);
}

/**
 * cx_window_open_file:
 * @self: a #CxWindow
 * @file: a .cxplan file
 * @flags: %CX_DOCUMENT_LOAD_AS_COPY for a sample
 *
 * Reads and checks @file in a thread, then shows it in this window, once
 * the plan shown now is saved or its changes let go of. A file that is
 * refused leaves the window as it was, and says why. A file open in
 * another window brings that window forward instead.
 */
void
cx_window_open_file (CxWindow            *self,
                     GFile               *file,
                     CxDocumentLoadFlags  flags)
{
  GtkApplication *app;
  OpenData *data;

  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  app = gtk_window_get_application (GTK_WINDOW (self));
  if (!(flags & CX_DOCUMENT_LOAD_AS_COPY) && CX_IS_APPLICATION (app))
    {
      CxWindow *other = cx_application_find_window_for_file (CX_APPLICATION (app), file);

      if (other != NULL)
        {
          gtk_window_present (GTK_WINDOW (other));
          return;
        }
    }

  /* The last file asked for wins */
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  self->load_cancellable = g_cancellable_new ();

  data = g_new0 (OpenData, 1);
  data->window = g_object_ref (self);
  data->file = g_object_ref (file);

  self->loading++;
  cx_document_load_async (file, flags, self->load_cancellable, on_document_loaded, data);
}

/**
 * _cx_window_show_new_document:
 * @self: a #CxWindow showing no plan
 * @document: a new plan's, with no file yet
 *
 * Shows @document, as opening a file does once it is read.
 */
void
_cx_window_show_new_document (CxWindow   *self,
                              CxDocument *document)
{
  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (CX_IS_DOCUMENT (document));
  g_return_if_fail (cx_window_is_empty (self));

  cx_window_set_document (self, document);
}

CxDocument *
cx_window_get_document (CxWindow *self)
{
  g_return_val_if_fail (CX_IS_WINDOW (self), NULL);

  return self->document;
}

/**
 * cx_window_is_empty:
 * @self: a #CxWindow
 *
 * Returns: whether the window shows no plan and is reading none, so a
 *   file opened from elsewhere can go into it
 */
gboolean
cx_window_is_empty (CxWindow *self)
{
  g_return_val_if_fail (CX_IS_WINDOW (self), FALSE);

  return self->document == NULL && self->loading == 0;
}

gboolean
cx_window_has_file (CxWindow *self,
                    GFile    *file)
{
  GFile *own;

  g_return_val_if_fail (CX_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  own = self->document != NULL ? cx_document_get_file (self->document) : NULL;
  return own != NULL && g_file_equal (own, file);
}

/* ------------------------------------------------------------------ */
/* Closing                                                             */

static void
on_close_confirmed (CxWindow *self,
                    gboolean  success,
                    gpointer  user_data)
{
  if (!success)
    return;

  self->close_confirmed = TRUE;
  gtk_window_close (GTK_WINDOW (self));
}

static void
cx_window_save_state (CxWindow *self)
{
  int width, height;

  if (self->settings == NULL)
    return;

  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);
  g_settings_set_boolean (self->settings, "window-maximized",
                          gtk_window_is_maximized (GTK_WINDOW (self)));
  /* The zoom a person reads the map at, as the size they like the window:
   * theirs and their screen's, not the file's */
  g_settings_set_double (self->settings, "map-zoom", cx_map_view_get_zoom (self->map_view));
  if (!gtk_window_is_maximized (GTK_WINDOW (self)))
    {
      g_settings_set_int (self->settings, "window-width", width);
      g_settings_set_int (self->settings, "window-height", height);
    }
}

static gboolean
cx_window_close_request (GtkWindow *window)
{
  CxWindow *self = CX_WINDOW (window);

  if (!self->close_confirmed && self->document != NULL &&
      cx_document_get_modified (self->document))
    {
      _cx_window_confirm_discard (self, on_close_confirmed, NULL);
      return TRUE;
    }

  /* Saved, or its changes let go of: no draft to keep */
  if (self->document != NULL)
    cx_document_discard_draft (self->document);
  g_cancellable_cancel (self->load_cancellable);
  cx_window_save_state (self);

  if (GTK_WINDOW_CLASS (cx_window_parent_class)->close_request != NULL)
    return GTK_WINDOW_CLASS (cx_window_parent_class)->close_request (window);

  return FALSE;
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

/* The settings schema may be missing in an uninstalled run: then the
 * window just does not remember its size. */
static GSettings *
cx_window_lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    {
      g_message ("The settings schema %s is not installed: window state is not kept", APP_ID);
      return NULL;
    }

  return g_settings_new_full (schema, NULL, NULL);
}

static void
cx_window_constructed (GObject *object)
{
  CxWindow *self = CX_WINDOW (object);

  G_OBJECT_CLASS (cx_window_parent_class)->constructed (object);

  self->settings = cx_window_lookup_settings ();
  if (self->settings != NULL)
    {
      gtk_window_set_default_size (GTK_WINDOW (self),
                                   g_settings_get_int (self->settings, "window-width"),
                                   g_settings_get_int (self->settings, "window-height"));
      if (g_settings_get_boolean (self->settings, "window-maximized"))
        gtk_window_maximize (GTK_WINDOW (self));
      cx_map_view_set_zoom (self->map_view, g_settings_get_double (self->settings, "map-zoom"));
      g_settings_bind (self->settings, "show-side-panel", self, "show-side-panel",
                       G_SETTINGS_BIND_DEFAULT);
    }
}

static void
cx_window_dispose (GObject *object)
{
  CxWindow *self = CX_WINDOW (object);

  _cx_window_findings_dispose (self);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  if (self->document != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->document, self);
      g_signal_handlers_disconnect_by_data (cx_document_get_plan (self->document), self);
    }
  g_clear_object (&self->document);
  _cx_window_find_dispose (self);
  _cx_window_narrow_dispose (self);
  g_clear_object (&self->settings);
  g_clear_object (&self->print_settings);
  g_clear_object (&self->page_setup);

  gtk_widget_dispose_template (GTK_WIDGET (self), CX_TYPE_WINDOW);

  G_OBJECT_CLASS (cx_window_parent_class)->dispose (object);
}

static void
cx_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CxWindow *self = CX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DOCUMENT:
      g_value_set_object (value, self->document);
      break;
    case PROP_SHOW_SIDE_PANEL:
      g_value_set_boolean (value, self->show_side_panel);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CxWindow *self = CX_WINDOW (object);

  switch (prop_id)
    {
    case PROP_SHOW_SIDE_PANEL:
      if (self->show_side_panel != g_value_get_boolean (value))
        {
          self->show_side_panel = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_window_size_allocate (GtkWidget *widget,
                         int        width,
                         int        height,
                         int        baseline)
{
  GTK_WIDGET_CLASS (cx_window_parent_class)->size_allocate (widget, width, height, baseline);
  _cx_window_narrow_allocated (CX_WINDOW (widget), width);
}

static void
cx_window_class_init (CxWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = cx_window_constructed;
  object_class->dispose = cx_window_dispose;
  object_class->get_property = cx_window_get_property;
  object_class->set_property = cx_window_set_property;

  window_class->close_request = cx_window_close_request;
  widget_class->size_allocate = cx_window_size_allocate;

  properties[PROP_DOCUMENT] =
    g_param_spec_object ("document", NULL, NULL, CX_TYPE_DOCUMENT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SHOW_SIDE_PANEL] =
    g_param_spec_boolean ("show-side-panel", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (CX_TYPE_MAP_VIEW);
  g_type_ensure (CX_TYPE_FINDINGS_PANEL);
  g_type_ensure (CX_TYPE_STEP_PANEL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CxWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, findings_button);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, error_count_label);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, warning_count_label);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, info_count_label);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, side_panel_button);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, samples_list);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, samples_group);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, flap);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, map_view);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, zoom_level_button);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, side_stack);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, findings_panel);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, step_panel);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, find_bar);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, open_label_button);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, open_icon_button);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, counts_box);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, compact_counts_box);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, compact_count_label);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, compact_count_icon);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, find_entry);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, find_count_label);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, persona_menu_section);
  gtk_widget_class_bind_template_callback (widget_class, on_selected_step_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activated);
  gtk_widget_class_bind_template_callback (widget_class, on_finding_activated);
  gtk_widget_class_bind_template_callback (widget_class, _cx_window_on_finding_action);
  gtk_widget_class_bind_template_callback (widget_class, _cx_window_show_step_findings);

  _cx_window_class_actions_init (klass);
  _cx_window_class_drafts_init (klass);
}

static gboolean
zoom_to_label (GBinding     *binding,
               const GValue *from,
               GValue       *to,
               gpointer      user_data)
{
  /* Translators: the map's zoom level, as in "100%" */
  g_value_take_string (to, g_strdup_printf (_("%.0f%%"), g_value_get_double (from) * 100));
  return TRUE;
}

static void
cx_window_init (CxWindow *self)
{
  self->show_side_panel = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));

  _cx_window_narrow_init (self);
  g_object_bind_property_full (self->map_view, "zoom", self->zoom_level_button, "label",
                               G_BINDING_SYNC_CREATE, zoom_to_label, NULL, NULL, NULL);

  _cx_window_actions_init (self);
  _cx_window_dnd_init (self);
  _cx_window_drafts_init (self);

  cx_window_update_title (self);
  _cx_window_actions_update (self);

  self->cancellable = g_cancellable_new ();
  cx_samples_list_async (self->cancellable, on_samples_listed, g_object_ref (self));
}

/**
 * cx_window_new:
 * @application: the application
 *
 * Returns: (transfer full): a new window showing the welcome page
 */
CxWindow *
cx_window_new (GtkApplication *application)
{
  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);

  return g_object_new (CX_TYPE_WINDOW, "application", application, NULL);
}
