/* cx-banner.c — a bar under the header bar that says something and offers two answers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * libadwaita 1.3's AdwBanner, for 1.2: a revealer sliding down under the
 * header bar, a title, and buttons (two here: AdwBanner has one). What a
 * button does is the action its owner names on it.
 */

#define G_LOG_DOMAIN "cx-banner"

#include "config.h"

#include "cx-banner.h"

struct _CxBanner
{
  AdwBin       parent_instance;

  GtkRevealer *revealer;       /* the bin's child */
  GtkLabel    *title_label;
  GtkButton   *buttons[2];
};

enum {
  PROP_0,
  PROP_TITLE,
  PROP_REVEALED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (CxBanner, cx_banner, ADW_TYPE_BIN)

static void
cx_banner_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CxBanner *self = CX_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, cx_banner_get_title (self));
      break;
    case PROP_REVEALED:
      g_value_set_boolean (value, cx_banner_get_revealed (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_banner_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CxBanner *self = CX_BANNER (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      cx_banner_set_title (self, g_value_get_string (value));
      break;
    case PROP_REVEALED:
      cx_banner_set_revealed (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cx_banner_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CX_TYPE_BANNER);

  G_OBJECT_CLASS (cx_banner_parent_class)->dispose (object);
}

static void
cx_banner_class_init (CxBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->get_property = cx_banner_get_property;
  object_class->set_property = cx_banner_set_property;
  object_class->dispose = cx_banner_dispose;

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_REVEALED] =
    g_param_spec_boolean ("revealed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/cxplan/Planner/cx-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, CxBanner, title_label);
  gtk_widget_class_bind_template_child_full (widget_class, "first_button", FALSE,
                                             G_STRUCT_OFFSET (CxBanner, buttons[0]));
  gtk_widget_class_bind_template_child_full (widget_class, "second_button", FALSE,
                                             G_STRUCT_OFFSET (CxBanner, buttons[1]));
  gtk_widget_class_set_css_name (widget_class, "banner");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
cx_banner_init (CxBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  /* The bin's child, which the bin lets go of itself */
  self->revealer = GTK_REVEALER (adw_bin_get_child (ADW_BIN (self)));
}

GtkWidget *
cx_banner_new (void)
{
  return g_object_new (CX_TYPE_BANNER, NULL);
}

const char *
cx_banner_get_title (CxBanner *self)
{
  g_return_val_if_fail (CX_IS_BANNER (self), NULL);

  return gtk_label_get_text (self->title_label);
}

void
cx_banner_set_title (CxBanner   *self,
                     const char *title)
{
  g_return_if_fail (CX_IS_BANNER (self));

  if (g_strcmp0 (title, gtk_label_get_text (self->title_label)) == 0)
    return;

  gtk_label_set_text (self->title_label, title != NULL ? title : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title != NULL ? title : "", -1);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

gboolean
cx_banner_get_revealed (CxBanner *self)
{
  g_return_val_if_fail (CX_IS_BANNER (self), FALSE);

  return gtk_revealer_get_reveal_child (self->revealer);
}

/**
 * cx_banner_set_revealed:
 * @self: a #CxBanner
 * @revealed: whether the bar shows
 *
 * Slides the bar in or out.
 */
void
cx_banner_set_revealed (CxBanner *self,
                        gboolean  revealed)
{
  g_return_if_fail (CX_IS_BANNER (self));

  revealed = !!revealed;
  if (revealed == gtk_revealer_get_reveal_child (self->revealer))
    return;

  gtk_revealer_set_reveal_child (self->revealer, revealed);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVEALED]);
}

/**
 * cx_banner_get_button:
 * @self: a #CxBanner
 * @index: 0 or 1: the first button, or the second (at the end)
 *
 * Returns: (transfer none): the button, for its label and action
 */
GtkButton *
cx_banner_get_button (CxBanner *self,
                      guint     index)
{
  g_return_val_if_fail (CX_IS_BANNER (self), NULL);
  g_return_val_if_fail (index < G_N_ELEMENTS (self->buttons), NULL);

  return self->buttons[index];
}
