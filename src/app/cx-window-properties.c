/* cx-window-properties.c — the plan's editors, New Plan and the persona shown
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's actions for the plan as a whole: its properties, checks,
 * lanes and personas (in CxPlanProperties, over the window), a new plan
 * (blank or from a template, in this window if it shows none, else in a
 * new one, as GNOME's document apps do), and which persona's journey the
 * map and the findings list show (win.show-persona, with the switcher in
 * the header bar that is shown when the plan has personas; narrower, an
 * icon whose menu lists them; narrowest, a section of the main menu).
 *
 * The header's counts of findings stay those of the whole plan: they say
 * what a save or `cxplan-tool check` reports, whichever journey is shown.
 */

#define G_LOG_DOMAIN "cx-window-properties"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-application.h"
#include "cx-edit.h"
#include "cx-new-plan-dialog.h"
#include "cx-templates.h"
#include "cx-window-private.h"

static CxHistory *
history_of (CxWindow *self)
{
  return self->document != NULL ? cx_document_get_history (self->document) : NULL;
}

/* ------------------------------------------------------------------ */
/* Plan Properties                                                     */

/**
 * _cx_window_get_plan_properties:
 * @self: a #CxWindow
 * @create: whether to open it if it is not
 *
 * Returns: (transfer none) (nullable): the Plan Properties open over the
 *   window, shown; %NULL with no plan, or not open and not @create
 */
CxPlanProperties *
_cx_window_get_plan_properties (CxWindow *self,
                                gboolean  create)
{
  g_return_val_if_fail (CX_IS_WINDOW (self), NULL);

  if (self->plan_properties == NULL && create && self->document != NULL)
    {
      self->plan_properties = cx_plan_properties_new (GTK_WINDOW (self), history_of (self));
      g_object_add_weak_pointer (G_OBJECT (self->plan_properties),
                                 (gpointer *) &self->plan_properties);
    }
  if (self->plan_properties != NULL && create)
    gtk_window_present (GTK_WINDOW (self->plan_properties));

  return self->plan_properties;
}

static void
close_plan_properties (CxWindow *self)
{
  if (self->plan_properties != NULL)
    gtk_window_destroy (GTK_WINDOW (self->plan_properties));
}

/* A toast that offers to undo what it tells: in the Plan Properties when
 * they are open, where the user is looking, else in the window */
static void
toast_with_undo (CxWindow   *self,
                 const char *title)
{
  AdwToast *toast;

  if (self->plan_properties != NULL && gtk_widget_get_visible (GTK_WIDGET (self->plan_properties)))
    {
      cx_plan_properties_toast_with_undo (self->plan_properties, title);
      return;
    }

  toast = adw_toast_new (title);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
plan_properties_action (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  _cx_window_get_plan_properties (CX_WINDOW (user_data), TRUE);
}

static void
add_lane_of_kind (CxWindow   *self,
                  CxLaneKind  kind)
{
  CxPlanProperties *properties = _cx_window_get_plan_properties (self, TRUE);

  if (properties != NULL)
    cx_plan_properties_add_lane (properties, kind);
}

/* A text lane, "Notes" by default: the one that fits any plan */
static void
add_lane_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  add_lane_of_kind (CX_WINDOW (user_data), CX_LANE_KIND_NOTES);
}

static void
add_lane_of_kind_action (GSimpleAction *action,
                         GVariant      *parameter,
                         gpointer       user_data)
{
  int kind;

  if (!cx_enum_from_nick (CX_TYPE_LANE_KIND, g_variant_get_string (parameter, NULL), &kind))
    {
      g_warning ("No lane kind '%s'", g_variant_get_string (parameter, NULL));
      return;
    }
  add_lane_of_kind (CX_WINDOW (user_data), kind);
}

static void
add_persona_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CxPlanProperties *properties = _cx_window_get_plan_properties (CX_WINDOW (user_data), TRUE);

  if (properties != NULL)
    cx_plan_properties_add_persona (properties);
}

static void
delete_lane_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GObject *lane;

  if (self->document == NULL)
    return;

  lane = cx_plan_lookup_id (cx_document_get_plan (self->document),
                            g_variant_get_string (parameter, NULL));
  if (!CX_IS_LANE (lane))
    return;

  message = cx_plan_delete_lane_and_say (history_of (self), CX_LANE (lane), &error);
  if (message != NULL)
    toast_with_undo (self, message);
  else if (error != NULL)
    _cx_window_show_toast (self, error->message);
}

static void
delete_persona_action (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  GObject *persona;

  if (self->document == NULL)
    return;

  persona = cx_plan_lookup_id (cx_document_get_plan (self->document),
                               g_variant_get_string (parameter, NULL));
  if (!CX_IS_PERSONA (persona))
    return;

  message = cx_plan_delete_persona_and_say (history_of (self), CX_PERSONA (persona), &error);
  if (message != NULL)
    toast_with_undo (self, message);
  else if (error != NULL)
    _cx_window_show_toast (self, error->message);
}

/* ------------------------------------------------------------------ */
/* New Plan                                                            */

/**
 * _cx_window_new_plan:
 * @self: a #CxWindow
 * @template_name: a template's name, or %CX_TEMPLATE_BLANK
 *
 * Makes a new plan from the template: untitled, with no file, unsaved,
 * created now. It opens here if the window shows no plan, else in a new
 * window.
 *
 * Returns: (transfer none) (nullable): the window that shows it
 */
CxWindow *
_cx_window_new_plan (CxWindow   *self,
                     const char *template_name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CxPlan) plan = NULL;
  g_autoptr(CxDocument) document = NULL;
  CxWindow *target = self;

  g_return_val_if_fail (CX_IS_WINDOW (self), NULL);
  g_return_val_if_fail (template_name != NULL, NULL);

  plan = cx_template_new_plan (template_name, NULL, &error);
  if (plan == NULL)
    {
      _cx_window_show_toast (self, error->message);
      return NULL;
    }

  if (!cx_window_is_empty (self))
    target = cx_window_new (gtk_window_get_application (GTK_WINDOW (self)));

  document = cx_document_new_for_plan (plan);
  _cx_window_show_new_document (target, document);
  gtk_window_present (GTK_WINDOW (target));

  return target;
}

static void
on_template_chosen (CxNewPlanDialog *dialog,
                    const char      *name,
                    CxWindow        *self)
{
  _cx_window_new_plan (self, name);
}

static void
new_plan_action (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  CxNewPlanDialog *dialog = cx_new_plan_dialog_new (GTK_WINDOW (self));

  g_signal_connect_object (dialog, "template-chosen", G_CALLBACK (on_template_chosen), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
new_plan_from_template_action (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  _cx_window_new_plan (CX_WINDOW (user_data), g_variant_get_string (parameter, NULL));
}

/* ------------------------------------------------------------------ */
/* The persona shown                                                   */

static CxPlan *
plan_of (CxWindow *self)
{
  return self->document != NULL ? cx_document_get_plan (self->document) : NULL;
}

/* "" for every persona, or the id of the one shown */
static const char *
persona_shown (CxWindow *self)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (self), "show-persona");
  g_autoptr(GVariant) state = g_action_get_state (action);

  /* The action holds its state: the string outlives this variant */
  return g_variant_get_string (state, NULL);
}

static void
show_persona_change_state (GSimpleAction *action,
                           GVariant      *state,
                           gpointer       user_data)
{
  CxWindow *self = CX_WINDOW (user_data);
  const char *id = g_variant_get_string (state, NULL);
  CxPlan *plan = plan_of (self);

  /* Only a persona of the plan, or every one */
  if (*id != '\0' && (plan == NULL || !CX_IS_PERSONA (cx_plan_lookup_id (plan, id))))
    return;

  g_simple_action_set_state (action, state);
  cx_map_view_set_persona (self->map_view, *id != '\0' ? id : NULL);
  cx_findings_panel_set_persona (self->findings_panel, plan, *id != '\0' ? id : NULL);
  _cx_window_persona_switcher_sync (self);
}

static void
show_every_persona (CxWindow *self)
{
  g_action_change_state (g_action_map_lookup_action (G_ACTION_MAP (self), "show-persona"),
                         g_variant_new_string (""));
}

/* With no room in the header bar, the personas are in the main menu */
static void
sync_menu_section (CxWindow *self)
{
  GMenuModel *menu = g_object_get_data (G_OBJECT (self->persona_squeezer), "cx-menu");
  GtkWidget *shown = adw_squeezer_get_visible_child (ADW_SQUEEZER (self->persona_squeezer));
  gboolean in_menu = menu != NULL && gtk_widget_get_visible (self->persona_squeezer) &&
                     shown != GTK_WIDGET (self->persona_switcher) &&
                     shown != GTK_WIDGET (self->persona_menu_button);

  g_menu_remove_all (self->persona_menu_section);
  if (in_menu)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new_submenu (_("Persona _Shown"), menu);

      g_menu_append_item (self->persona_menu_section, item);
    }
}

/**
 * _cx_window_persona_switcher_sync:
 * @self: a #CxWindow
 *
 * Lists the plan's personas in the switcher, shows it if there are any,
 * and chooses the one shown.
 */
void
_cx_window_persona_switcher_sync (CxWindow *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  CxPlan *plan = plan_of (self);
  guint n = plan != NULL ? cx_plan_get_n_personas (plan) : 0;
  const char *shown = persona_shown (self);
  GListModel *model = gtk_drop_down_get_model (self->persona_switcher);
  gboolean same = model != NULL && g_list_model_get_n_items (model) == n + 1;
  guint selected = 0;

  gtk_string_list_append (names, _("Every Persona"));
  for (guint i = 0; i < n; i++)
    {
      CxPersona *persona = cx_plan_get_persona (plan, i);
      const char *name = cx_persona_get_name (persona);

      gtk_string_list_append (names, name != NULL ? name : _("Untitled persona"));
      if (g_str_equal (cx_persona_get_id (persona), shown))
        selected = i + 1;
      if (same)
        same = g_strcmp0 (gtk_string_list_get_string (GTK_STRING_LIST (model), i + 1),
                          gtk_string_list_get_string (names, i + 1)) == 0;
    }

  self->persona_switcher_syncing = TRUE;
  if (!same)
    {
      g_autoptr(GMenu) menu = g_menu_new ();

      gtk_drop_down_set_model (self->persona_switcher, G_LIST_MODEL (names));
      /* The narrow window's menu: radio items of win.show-persona */
      for (guint i = 0; i <= n; i++)
        {
          g_autoptr(GMenuItem) item = NULL;

          item = g_menu_item_new (gtk_string_list_get_string (names, i), NULL);
          g_menu_item_set_action_and_target (item, "win.show-persona", "s",
                                             i == 0 ? ""
                                                    : cx_persona_get_id (cx_plan_get_persona (plan,
                                                                                              i - 1)));
          g_menu_append_item (menu, item);
        }
      gtk_menu_button_set_menu_model (self->persona_menu_button, G_MENU_MODEL (menu));
      g_object_set_data_full (G_OBJECT (self->persona_squeezer), "cx-menu",
                              g_object_ref (menu), g_object_unref);
      sync_menu_section (self);
    }
  gtk_drop_down_set_selected (self->persona_switcher, selected);
  self->persona_switcher_syncing = FALSE;

  gtk_widget_set_visible (self->persona_squeezer, n > 0);
  sync_menu_section (self);
}

static void
on_persona_switched (CxWindow    *self,
                     GParamSpec  *pspec,
                     GtkDropDown *switcher)
{
  guint selected = gtk_drop_down_get_selected (switcher);
  CxPlan *plan = plan_of (self);
  const char *id = "";

  if (self->persona_switcher_syncing || plan == NULL)
    return;

  if (selected != GTK_INVALID_LIST_POSITION && selected > 0 &&
      selected <= cx_plan_get_n_personas (plan))
    id = cx_persona_get_id (cx_plan_get_persona (plan, selected - 1));
  g_action_change_state (g_action_map_lookup_action (G_ACTION_MAP (self), "show-persona"),
                         g_variant_new_string (id));
}

/* Personas added, renamed, deleted or brought back: the switcher's list;
 * the persona shown deleted: every persona again */
static void
on_plan_changed (CxPlan       *plan,
                 CxPlanChange  what,
                 GObject      *object,
                 CxWindow     *self)
{
  const char *shown;

  if (!CX_IS_PERSONA (object) && !(what & CX_PLAN_CHANGE_STRUCTURE))
    return;

  shown = persona_shown (self);
  if (*shown != '\0' && !CX_IS_PERSONA (cx_plan_lookup_id (plan, shown)))
    show_every_persona (self);
  else
    _cx_window_persona_switcher_sync (self);
}

/* Another plan in the window: every persona, no Plan Properties of the
 * plan gone, the switcher of this one */
static void
on_document_changed (CxWindow *self)
{
  CxPlanProperties *properties = self->plan_properties;

  if (properties != NULL && cx_plan_properties_get_history (properties) != history_of (self))
    close_plan_properties (self);

  /* The window let go of the old plan's handlers, these with the rest */
  if (self->document != NULL)
    g_signal_connect_object (cx_document_get_plan (self->document), "changed",
                             G_CALLBACK (on_plan_changed), self, 0);

  _cx_window_set_action_enabled (self, "plan-properties", self->document != NULL);
  _cx_window_set_action_enabled (self, "add-lane", self->document != NULL);
  _cx_window_set_action_enabled (self, "add-lane-of-kind", self->document != NULL);
  _cx_window_set_action_enabled (self, "add-persona", self->document != NULL);
  _cx_window_set_action_enabled (self, "delete-lane", self->document != NULL);
  _cx_window_set_action_enabled (self, "delete-persona", self->document != NULL);
  _cx_window_set_action_enabled (self, "show-persona", self->document != NULL);

  show_every_persona (self);
  _cx_window_persona_switcher_sync (self);
}

/* The name shown in the header bar is cut short, those in the list not */
static void
setup_name (GtkSignalListItemFactory *factory,
            GtkListItem              *list_item,
            gpointer                  user_data)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (user_data))
    {
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 16);
    }
  gtk_list_item_set_child (list_item, label);
}

static void
bind_name (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkStringObject *item = gtk_list_item_get_item (list_item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (list_item)),
                      gtk_string_object_get_string (item));
}

static GtkListItemFactory *
name_factory (gboolean short_names)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_name), GINT_TO_POINTER (short_names));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_name), NULL);

  return factory;
}

/* ------------------------------------------------------------------ */

static const GActionEntry properties_actions[] = {
  { "plan-properties", plan_properties_action },
  { "add-lane", add_lane_action },
  { "add-lane-of-kind", add_lane_of_kind_action, "s" },
  { "add-persona", add_persona_action },
  { "delete-lane", delete_lane_action, "s" },
  { "delete-persona", delete_persona_action, "s" },
  { "new-plan", new_plan_action },
  { "new-plan-from-template", new_plan_from_template_action, "s" },
  { "show-persona", NULL, "s", "''", show_persona_change_state },
};

/**
 * _cx_window_properties_actions_init:
 * @self: a #CxWindow
 *
 * Adds the actions on the plan as a whole to the window's action map,
 * and the persona switcher to its header bar.
 */
void
_cx_window_properties_actions_init (CxWindow *self)
{
  g_autoptr(GtkListItemFactory) short_names = name_factory (TRUE);
  g_autoptr(GtkListItemFactory) names = name_factory (FALSE);
  GtkWidget *switcher;

  g_assert (CX_IS_WINDOW (self));

  g_action_map_add_action_entries (G_ACTION_MAP (self), properties_actions,
                                   G_N_ELEMENTS (properties_actions), self);

  switcher = gtk_drop_down_new (NULL, NULL);
  gtk_drop_down_set_factory (GTK_DROP_DOWN (switcher), short_names);
  gtk_drop_down_set_list_factory (GTK_DROP_DOWN (switcher), names);
  gtk_widget_set_tooltip_text (switcher, _("Show One Persona’s Journey"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (switcher),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Persona shown"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("The map and the findings show this persona’s steps and "
                                    "those of every persona"),
                                  -1);
  g_signal_connect_object (switcher, "notify::selected", G_CALLBACK (on_persona_switched), self,
                           G_CONNECT_SWAPPED);
  self->persona_switcher = GTK_DROP_DOWN (switcher);

  /* Where the header bar has no room for the names: an icon and a menu */
  self->persona_menu_button = GTK_MENU_BUTTON (gtk_menu_button_new ());
  gtk_menu_button_set_icon_name (self->persona_menu_button, "system-users-symbolic");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->persona_menu_button),
                               _("Show One Persona’s Journey"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->persona_menu_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Persona shown"), -1);

  self->persona_squeezer = adw_squeezer_new ();
  adw_squeezer_set_transition_type (ADW_SQUEEZER (self->persona_squeezer),
                                    ADW_SQUEEZER_TRANSITION_TYPE_NONE);
  adw_squeezer_set_homogeneous (ADW_SQUEEZER (self->persona_squeezer), FALSE);
  /* The names while the whole name fits, not a name cut to "Every …" */
  adw_squeezer_set_switch_threshold_policy (ADW_SQUEEZER (self->persona_squeezer),
                                            ADW_FOLD_THRESHOLD_POLICY_NATURAL);
  adw_squeezer_add (ADW_SQUEEZER (self->persona_squeezer), switcher);
  adw_squeezer_add (ADW_SQUEEZER (self->persona_squeezer),
                    GTK_WIDGET (self->persona_menu_button));
  /* Nothing, narrowest: the main menu has them then */
  adw_squeezer_add (ADW_SQUEEZER (self->persona_squeezer), gtk_box_new (GTK_ORIENTATION_HORIZONTAL,
                                                                        0));
  g_signal_connect_object (self->persona_squeezer, "notify::visible-child",
                           G_CALLBACK (sync_menu_section), self, G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->persona_squeezer, FALSE);
  adw_header_bar_pack_start (ADW_HEADER_BAR (self->header_bar), self->persona_squeezer);

  g_signal_connect_swapped (self, "notify::document", G_CALLBACK (on_document_changed), self);
  on_document_changed (self);
}
