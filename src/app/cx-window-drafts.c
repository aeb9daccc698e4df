/* cx-window-drafts.c — drafts to recover, and a file changed on disk
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The welcome page lists the drafts the application offers (those a crash
 * or a killed session left), each with what plan it is, which file, when,
 * and whether the file changed since, and Recover and Discard buttons
 * (app.recover-draft, app.discard-draft). A window opened on a file does
 * not show the welcome page: a toast says that drafts wait there.
 *
 * When someone else changes the plan's file, a bar under the header bar
 * says so and offers to reload it (win.reload) or to keep the user's
 * version (win.keep-mine), as GNOME apps do with AdwBanner.
 */

#define G_LOG_DOMAIN "cx-window"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-application.h"
#include "cx-window-private.h"

/* ------------------------------------------------------------------ */
/* The drafts offered                                                  */

/* How long ago @then was, in words */
static char *
describe_time_ago (GDateTime *then,
                   GDateTime *now)
{
  GTimeSpan ago = g_date_time_difference (now, then);
  gint64 minutes = ago / G_TIME_SPAN_MINUTE;
  gint64 hours = ago / G_TIME_SPAN_HOUR;
  gint64 days = ago / G_TIME_SPAN_DAY;

  if (minutes < 1)
    return g_strdup (_("just now"));
  if (hours < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d minute ago", "%d minutes ago",
                                         minutes), (int) minutes);
  if (days < 1)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d hour ago", "%d hours ago", hours),
                            (int) hours);
  if (days < 7)
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d day ago", "%d days ago", days),
                            (int) days);

  {
    g_autoptr(GDateTime) local = g_date_time_to_local (then);

    /* Translators: when a draft was written, a week ago or more */
    return g_date_time_format (local, _("on %x"));
  }
}

/* Which file the draft belongs to, when it was written, and whether the
 * file changed since: a row's subtitle */
static char *
describe_draft (CxDraft   *draft,
                GDateTime *now)
{
  GFile *file = cx_draft_get_file (draft);
  g_autofree char *which = NULL;
  g_autofree char *when = NULL;
  const char *disk = NULL;

  if (file != NULL)
    {
      g_autofree char *basename = g_file_get_basename (file);

      which = g_filename_display_name (basename);
    }
  else
    which = g_strdup (_("Not saved yet"));

  if (cx_draft_get_written (draft) != NULL)
    when = describe_time_ago (cx_draft_get_written (draft), now);

  switch (cx_draft_get_file_check (draft))
    {
    case CX_FILE_CHECK_CHANGED:
      disk = _("the file has changed since");
      break;
    case CX_FILE_CHECK_GONE:
      disk = _("the file is gone");
      break;
    case CX_FILE_CHECK_UNCHANGED:
    case CX_FILE_CHECK_UNKNOWN:
    default:
      break;
    }

  return g_strjoin (" · ", which, when != NULL ? when : disk, when != NULL ? disk : NULL, NULL);
}

static GtkWidget *
new_row_button (const char *label,
                const char *accessible,
                const char *action,
                const char *id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  accessible, -1);

  return button;
}

static GtkWidget *
create_draft_row (gpointer item,
                  gpointer user_data)
{
  CxDraft *draft = CX_DRAFT (item);
  const char *title = cx_draft_get_title (draft);
  const char *id = cx_draft_get_id (draft);
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *subtitle = describe_draft (draft, now);
  g_autofree char *markup = NULL;
  g_autofree char *recover = NULL;
  g_autofree char *discard = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button;

  if (title == NULL || *title == '\0')
    title = _("Untitled Plan");
  markup = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), markup);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  if (cx_draft_get_file_check (draft) == CX_FILE_CHECK_CHANGED ||
      cx_draft_get_file_check (draft) == CX_FILE_CHECK_GONE)
    adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                               gtk_image_new_from_icon_name ("dialog-warning-symbolic"));

  /* Translators: a button's name for a screen reader, with the plan's title */
  discard = g_strdup_printf (_("Discard the unsaved changes of “%s”"), title);
  button = new_row_button (_("_Discard"), discard, "app.discard-draft", id);
  gtk_widget_add_css_class (button, "flat");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  /* Translators: a button's name for a screen reader, with the plan's title */
  recover = g_strdup_printf (_("Recover “%s”"), title);
  button = new_row_button (_("_Recover"), recover, "app.recover-draft", id);
  gtk_widget_add_css_class (button, "suggested-action");
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);

  return row;
}

static void
on_drafts_changed (GListModel *drafts,
                   guint       position,
                   guint       removed,
                   guint       added,
                   CxWindow   *self)
{
  gtk_widget_set_visible (self->drafts_group, g_list_model_get_n_items (drafts) > 0);
}

/**
 * _cx_window_offer_drafts:
 * @self: a #CxWindow
 *
 * The application has drafts to offer and no window shows the welcome
 * page that lists them: a toast says so, and opens a window on it.
 */
void
_cx_window_offer_drafts (CxWindow *self)
{
  AdwToast *toast;

  g_return_if_fail (CX_IS_WINDOW (self));

  toast = adw_toast_new (_("Unsaved changes from last time can be recovered"));
  adw_toast_set_button_label (toast, _("_Show"));
  adw_toast_set_action_name (toast, "app.new-window");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

typedef struct
{
  CxWindow *window;
  CxDraft  *draft;
} RecoverOp;

static void
on_draft_loaded (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  RecoverOp *op = user_data;
  CxWindow *self = op->window;
  g_autoptr(CxDocument) document = NULL;
  g_autoptr(GError) error = NULL;

  self->loading--;
  document = cx_document_load_draft_finish (result, &error);
  if (document != NULL)
    _cx_window_replace_document (self, document);
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

      _cx_window_show_error (self, _("The unsaved changes could not be recovered"),
                             error->message);
      /* Still there to discard */
      if (CX_IS_APPLICATION (app))
        cx_application_offer_draft (CX_APPLICATION (app), op->draft);
    }

  g_object_unref (op->window);
  g_object_unref (op->draft);
  g_free (op);
}

/**
 * cx_window_recover_draft:
 * @self: a #CxWindow showing no plan
 * @store: the store of @draft
 * @draft: a draft
 *
 * Reads @draft and shows it, modified: the plan as it was when the draft
 * was written, which saving puts in the draft's file (or asks where).
 */
void
cx_window_recover_draft (CxWindow     *self,
                         CxDraftStore *store,
                         CxDraft      *draft)
{
  RecoverOp *op;

  g_return_if_fail (CX_IS_WINDOW (self));
  g_return_if_fail (CX_IS_DRAFT_STORE (store));
  g_return_if_fail (CX_IS_DRAFT (draft));

  op = g_new0 (RecoverOp, 1);
  op->window = g_object_ref (self);
  op->draft = g_object_ref (draft);

  self->loading++;
  cx_document_load_draft_async (store, draft, self->cancellable, on_draft_loaded, op);
}

/* ------------------------------------------------------------------ */
/* The file changed on disk                                            */

static void
update_file_banner (CxWindow *self)
{
  CxDocumentDiskState state = CX_DOCUMENT_DISK_SAME;
  g_autofree char *name = NULL;
  g_autofree char *title = NULL;
  GtkButton *reload = cx_banner_get_button (self->file_banner, 0);
  GtkButton *keep = cx_banner_get_button (self->file_banner, 1);

  if (self->document != NULL)
    state = cx_document_get_disk_state (self->document);

  _cx_window_set_action_enabled (self, "reload", state == CX_DOCUMENT_DISK_CHANGED);
  _cx_window_set_action_enabled (self, "keep-mine", state != CX_DOCUMENT_DISK_SAME);
  if (state == CX_DOCUMENT_DISK_SAME)
    {
      cx_banner_set_revealed (self->file_banner, FALSE);
      return;
    }

  name = cx_document_dup_name (self->document);
  if (state == CX_DOCUMENT_DISK_GONE)
    title = g_strdup_printf (_("“%s” was deleted or moved by another program"), name);
  else if (cx_document_get_modified (self->document))
    title = g_strdup_printf (_("“%s” was changed by another program: reloading it discards "
                               "your changes"), name);
  else
    title = g_strdup_printf (_("“%s” was changed by another program"), name);

  cx_banner_set_title (self->file_banner, title);
  gtk_widget_set_visible (GTK_WIDGET (reload), state == CX_DOCUMENT_DISK_CHANGED);
  gtk_button_set_label (keep, state == CX_DOCUMENT_DISK_CHANGED ? _("_Keep Mine")
                                                                : _("_Keep It Open"));
  cx_banner_set_revealed (self->file_banner, TRUE);
}

static void
on_disk_state_changed (CxWindow   *self,
                       GParamSpec *pspec,
                       CxDocument *document)
{
  update_file_banner (self);
}

static void
on_reloaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(CxWindow) self = user_data;
  g_autoptr(CxDocument) document = NULL;
  g_autoptr(CxDiagnostic) refusal = NULL;
  g_autoptr(GError) error = NULL;

  self->loading--;
  document = cx_document_load_finish (result, &refusal, &error);
  if (document != NULL)
    {
      _cx_window_replace_document (self, document);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_autofree char *body = NULL;

      /* Still changed on disk: the bar again */
      update_file_banner (self);

      if (refusal != NULL && refusal->line > 0)
        body = g_strdup_printf (_("Line %u: %s"), refusal->line, refusal->message);
      else
        body = g_strdup (refusal != NULL ? refusal->message : error->message);
      _cx_window_show_error (self, _("The file could not be reloaded"), body);
    }
}

/* The file as it is on disk now, instead of the plan shown */
static void
reload_action (GSimpleAction *action,
               GVariant      *parameter,
               gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  GFile *file;

  if (self->document == NULL || (file = cx_document_get_file (self->document)) == NULL)
    return;

  cx_banner_set_revealed (self->file_banner, FALSE);
  self->loading++;
  cx_document_load_async (file, CX_DOCUMENT_LOAD_DEFAULT, self->cancellable, on_reloaded,
                          g_object_ref (self));
}

/* The plan shown stays, and saving it overwrites the file */
static void
keep_mine_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);

  if (self->document != NULL)
    cx_document_keep_own_version (self->document);
}

static const GActionEntry drafts_actions[] = {
  { "reload", reload_action },
  { "keep-mine", keep_mine_action },
};

/* ------------------------------------------------------------------ */

void
_cx_window_class_drafts_init (CxWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (CX_TYPE_BANNER);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, file_banner);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, drafts_group);
  gtk_widget_class_bind_template_child (widget_class, CxWindow, drafts_list);
}

/* The list of drafts is the application's, known once the window is
 * constructed */
static void
on_application_set (CxWindow   *self,
                    GParamSpec *pspec)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GListModel *drafts;

  if (!CX_IS_APPLICATION (app) || g_object_get_data (G_OBJECT (self), "cx-drafts-bound"))
    return;

  drafts = cx_application_get_drafts (CX_APPLICATION (app));
  gtk_list_box_bind_model (self->drafts_list, drafts, create_draft_row, NULL, NULL);
  g_signal_connect_object (drafts, "items-changed", G_CALLBACK (on_drafts_changed), self, 0);
  on_drafts_changed (drafts, 0, 0, 0, self);
  g_object_set_data (G_OBJECT (self), "cx-drafts-bound", GINT_TO_POINTER (TRUE));
}

void
_cx_window_drafts_init (CxWindow *self)
{
  g_action_map_add_action_entries (G_ACTION_MAP (self), drafts_actions,
                                   G_N_ELEMENTS (drafts_actions), self);

  gtk_button_set_label (cx_banner_get_button (self->file_banner, 0), _("_Reload"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cx_banner_get_button (self->file_banner, 0)),
                                  "win.reload");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cx_banner_get_button (self->file_banner, 1)),
                                  "win.keep-mine");

  g_signal_connect (self, "notify::application", G_CALLBACK (on_application_set), NULL);

  _cx_window_drafts_update (self);
}

/**
 * _cx_window_drafts_update:
 * @self: a #CxWindow
 *
 * The window shows another document: the bar follows its file.
 */
void
_cx_window_drafts_update (CxWindow *self)
{
  g_return_if_fail (CX_IS_WINDOW (self));

  /* The handlers go with the others when the document is replaced */
  if (self->document != NULL)
    {
      g_signal_connect_object (self->document, "notify::disk-state",
                               G_CALLBACK (on_disk_state_changed), self, G_CONNECT_SWAPPED);
      g_signal_connect_object (self->document, "notify::modified",
                               G_CALLBACK (on_disk_state_changed), self, G_CONNECT_SWAPPED);
    }
  update_file_banner (self);
}
