/* cx-enums.c — the format's spelling of the enumerations
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "cx-model"

#include "config.h"

#include <string.h>

/* cx-enums.h names GType but includes only glib.h */
#include <glib-object.h>

#include "cx-enums.h"

/* NONE values stand for an absent attribute: they have a nick, but it is
 * never part of the format. */
static gboolean
is_absent_nick (const char *nick)
{
  return strcmp (nick, "none") == 0;
}

/**
 * cx_enum_to_nick:
 * @enum_type: the GType of one of the enums in cx-enums.h
 * @value: a value of it
 *
 * Gives the spelling the file format uses for @value.
 *
 * Returns: (nullable): the nick, or %NULL if @value is not a value of
 *   @enum_type or is a NONE value (an absent attribute, never written)
 */
const char *
cx_enum_to_nick (GType enum_type,
                 int   value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), NULL);

  /* The classes of static types live for ever, so the nick outlives the ref */
  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value (klass, value);
  if (enum_value == NULL || is_absent_nick (enum_value->value_nick))
    return NULL;

  return enum_value->value_nick;
}

/**
 * cx_enum_from_nick:
 * @enum_type: the GType of one of the enums in cx-enums.h
 * @nick: (nullable): the spelling read from a file
 * @value: (out) (optional): where to store the value
 *
 * Looks up the value the format spells @nick. A NONE value is refused:
 * "none" means an absent attribute and never stands in a file.
 *
 * Returns: %TRUE if @nick names a value of @enum_type
 */
gboolean
cx_enum_from_nick (GType       enum_type,
                   const char *nick,
                   int        *value)
{
  g_autoptr(GEnumClass) klass = NULL;
  GEnumValue *enum_value;

  g_return_val_if_fail (G_TYPE_IS_ENUM (enum_type), FALSE);

  if (nick == NULL || is_absent_nick (nick))
    return FALSE;

  klass = g_type_class_ref (enum_type);
  enum_value = g_enum_get_value_by_nick (klass, nick);
  if (enum_value == NULL)
    return FALSE;

  if (value != NULL)
    *value = enum_value->value;

  return TRUE;
}
