/* cx-print-operation.c — printing the journey map over pages
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Landscape by default. The pages are the renderer's (cx-map-print.c):
 * each with the phase bands, the step headers and the lane names, the
 * columns spread evenly, the whole title on the first page and the
 * legend at the end. A tab of the print dialog chooses the map's size:
 * actual size, or fitted to the page's width; the choice is kept in the
 * print settings, which the window keeps for its next print, and the
 * dialog's preview shows it.
 */

#define G_LOG_DOMAIN "cx-print-operation"

#include "config.h"

#include <glib/gi18n.h>

#include "cx-map.h"
#include "cx-print-operation.h"

/* The print settings' key for the map's size */
#define SCALE_KEY "cxplan-map-scale"

struct _CxPrintOperation
{
  GtkPrintOperation  parent_instance;

  CxPlan            *plan;
  GPtrArray         *findings;
  CxMapPrintScale    scale;

  /* Set in begin-print for the page size chosen */
  CxMapPrint        *print;
};

enum {
  PROP_0,
  PROP_SCALE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxPrintOperation, cx_print_operation, GTK_TYPE_PRINT_OPERATION)

static void
cx_print_operation_begin_print (GtkPrintOperation *operation,
                                GtkPrintContext   *context)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);
  CxMapLayoutOptions options = { .phase = -1, .font_family = NULL };
  g_autoptr(CxMapLayout) layout = cx_map_layout_new (self->plan, self->findings, &options);

  g_clear_pointer (&self->print, cx_map_print_free);
  self->print = cx_map_print_new (layout, cx_map_theme_get (FALSE),
                                  gtk_print_context_get_width (context),
                                  gtk_print_context_get_height (context), self->scale);
  gtk_print_operation_set_n_pages (operation, cx_map_print_get_n_pages (self->print));
}

static void
cx_print_operation_draw_page (GtkPrintOperation *operation,
                              GtkPrintContext   *context,
                              int                page_nr)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);

  g_return_if_fail (self->print != NULL);

  cx_map_print_draw_page (self->print, gtk_print_context_get_cairo_context (context),
                          (guint) page_nr);
}

/* ------------------------------------------------------------------ */
/* The map's size, in a tab of the print dialog                        */

static const char *
scale_nick (CxMapPrintScale scale)
{
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CX_TYPE_MAP_PRINT_SCALE);

  return g_enum_get_value (enum_class, scale)->value_nick;
}

/* The choice kept in the print settings, when there is one */
static void
cx_print_operation_read_settings (CxPrintOperation *self)
{
  GtkPrintSettings *settings = gtk_print_operation_get_print_settings (GTK_PRINT_OPERATION (self));
  g_autoptr(GEnumClass) enum_class = g_type_class_ref (CX_TYPE_MAP_PRINT_SCALE);
  const char *nick = settings != NULL ? gtk_print_settings_get (settings, SCALE_KEY) : NULL;
  GEnumValue *value = nick != NULL ? g_enum_get_value_by_nick (enum_class, nick) : NULL;

  if (value != NULL)
    cx_print_operation_set_scale (self, value->value);
}

static void
on_print_settings_changed (CxPrintOperation *self,
                           GParamSpec       *pspec,
                           gpointer          user_data)
{
  cx_print_operation_read_settings (self);
}

static GtkWidget *
add_choice (GtkBox      *box,
            GtkWidget   *group,
            const char  *label,
            const char  *explanation,
            gboolean     active)
{
  GtkWidget *button = gtk_check_button_new_with_mnemonic (label);
  GtkWidget *text = gtk_label_new (explanation);

  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (button), GTK_CHECK_BUTTON (group));
  gtk_check_button_set_active (GTK_CHECK_BUTTON (button), active);
  gtk_box_append (box, button);

  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 50);
  gtk_widget_set_margin_start (text, 28);
  gtk_widget_set_margin_bottom (text, 6);
  gtk_widget_add_css_class (text, "dim-label");
  gtk_box_append (box, text);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, text, NULL, -1);

  return button;
}

static GtkWidget *
cx_print_operation_create_custom_widget (GtkPrintOperation *operation)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *heading = gtk_label_new (_("Size of the Map"));
  GtkWidget *actual, *fit;

  cx_print_operation_read_settings (self);

  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 18);
  gtk_widget_set_margin_end (box, 18);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "heading");
  gtk_box_append (GTK_BOX (box), heading);

  actual = add_choice (GTK_BOX (box), NULL, _("_Actual size"),
                       _("The map as on screen at 100%, its text at 9 points: every step and "
                         "lane readable, over as many pages as it takes."),
                       self->scale == CX_MAP_PRINT_ACTUAL_SIZE);
  fit = add_choice (GTK_BOX (box), actual, _("_Fit to page width"),
                    _("The whole journey across one page, smaller the longer it is: an "
                      "overview to pin on a wall."),
                    self->scale == CX_MAP_PRINT_FIT_WIDTH);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, heading, NULL, -1);

  g_object_set_data (G_OBJECT (box), "cx-actual-size", actual);
  g_object_set_data (G_OBJECT (box), "cx-fit-width", fit);
  return box;
}

static void
cx_print_operation_custom_widget_apply (GtkPrintOperation *operation,
                                        GtkWidget         *widget)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (operation);
  GtkCheckButton *fit = g_object_get_data (G_OBJECT (widget), "cx-fit-width");
  GtkPrintSettings *settings;

  g_return_if_fail (GTK_IS_CHECK_BUTTON (fit));

  cx_print_operation_set_scale (self, gtk_check_button_get_active (fit)
                                        ? CX_MAP_PRINT_FIT_WIDTH : CX_MAP_PRINT_ACTUAL_SIZE);

  /* Kept with the other print settings, for the next print */
  settings = gtk_print_operation_get_print_settings (operation);
  if (settings == NULL)
    {
      g_autoptr(GtkPrintSettings) created = gtk_print_settings_new ();

      gtk_print_operation_set_print_settings (operation, created);
      settings = created;
    }
  gtk_print_settings_set (settings, SCALE_KEY, scale_nick (self->scale));
}

/* ------------------------------------------------------------------ */
/* GObject                                                             */

static void
cx_print_operation_finalize (GObject *object)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (object);

  g_clear_object (&self->plan);
  g_clear_pointer (&self->findings, g_ptr_array_unref);
  g_clear_pointer (&self->print, cx_map_print_free);

  G_OBJECT_CLASS (cx_print_operation_parent_class)->finalize (object);
}

static void
cx_print_operation_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SCALE:
      g_value_set_enum (value, self->scale);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_print_operation_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  CxPrintOperation *self = CX_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_SCALE:
      cx_print_operation_set_scale (self, g_value_get_enum (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_print_operation_class_init (CxPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->finalize = cx_print_operation_finalize;
  object_class->get_property = cx_print_operation_get_property;
  object_class->set_property = cx_print_operation_set_property;

  operation_class->begin_print = cx_print_operation_begin_print;
  operation_class->draw_page = cx_print_operation_draw_page;
  operation_class->create_custom_widget = cx_print_operation_create_custom_widget;
  operation_class->custom_widget_apply = cx_print_operation_custom_widget_apply;

  properties[PROP_SCALE] =
    g_param_spec_enum ("scale", NULL, NULL, CX_TYPE_MAP_PRINT_SCALE, CX_MAP_PRINT_ACTUAL_SIZE,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cx_print_operation_init (CxPrintOperation *self)
{
  g_autoptr(GtkPageSetup) page_setup = gtk_page_setup_new ();

  self->scale = CX_MAP_PRINT_ACTUAL_SIZE;

  gtk_page_setup_set_orientation (page_setup, GTK_PAGE_ORIENTATION_LANDSCAPE);
  gtk_print_operation_set_default_page_setup (GTK_PRINT_OPERATION (self), page_setup);
  gtk_print_operation_set_unit (GTK_PRINT_OPERATION (self), GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (self), TRUE);
  gtk_print_operation_set_custom_tab_label (GTK_PRINT_OPERATION (self), _("Map"));

  /* Print settings handed in carry the size chosen last */
  g_signal_connect (self, "notify::print-settings",
                    G_CALLBACK (on_print_settings_changed), NULL);
}

/**
 * cx_print_operation_new:
 * @plan: the plan to print
 * @findings: (nullable) (element-type CxFinding): its findings
 *
 * Returns: (transfer full): an operation to run
 */
CxPrintOperation *
cx_print_operation_new (CxPlan    *plan,
                        GPtrArray *findings)
{
  CxPrintOperation *self;

  g_return_val_if_fail (CX_IS_PLAN (plan), NULL);

  self = g_object_new (CX_TYPE_PRINT_OPERATION, NULL);
  self->plan = g_object_ref (plan);
  self->findings = findings != NULL ? g_ptr_array_ref (findings) : NULL;

  if (cx_plan_get_title (plan) != NULL)
    gtk_print_operation_set_job_name (GTK_PRINT_OPERATION (self), cx_plan_get_title (plan));

  return self;
}

CxMapPrintScale
cx_print_operation_get_scale (CxPrintOperation *self)
{
  g_return_val_if_fail (CX_IS_PRINT_OPERATION (self), CX_MAP_PRINT_ACTUAL_SIZE);

  return self->scale;
}

/**
 * cx_print_operation_set_scale:
 * @self: a #CxPrintOperation
 * @scale: the map at actual size, or fitted to the page's width
 *
 * Chooses the size the map is printed at, as the dialog's Map tab does.
 */
void
cx_print_operation_set_scale (CxPrintOperation *self,
                              CxMapPrintScale   scale)
{
  g_return_if_fail (CX_IS_PRINT_OPERATION (self));

  if (self->scale == scale)
    return;

  self->scale = scale;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SCALE]);
}

/**
 * cx_print_operation_get_pages:
 * @self: a #CxPrintOperation
 *
 * Returns: (transfer none) (nullable): the pages of the last print, once
 *   it began
 */
CxMapPrint *
cx_print_operation_get_pages (CxPrintOperation *self)
{
  g_return_val_if_fail (CX_IS_PRINT_OPERATION (self), NULL);

  return self->print;
}
