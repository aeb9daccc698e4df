/* cx-validate.h — what a plan may hold, checked once for the reader and for editing
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The reader refuses a file that breaks the format; editing must never
 * make a plan that the reader would refuse once saved. Both ask these
 * functions, so the two can never disagree. Each returns %FALSE with a
 * %CX_PLAN_ERROR_INVALID error whose message says, in words for the user,
 * what is wrong with the value (without a file name or line: the caller
 * adds those where there are some).
 */

#pragma once

#include <glib.h>

#include "cx-enums.h"

G_BEGIN_DECLS

/* Text of any element or attribute: UTF-8 that XML 1.0 can hold (no
 * control characters but tab, line feed and carriage return, no U+FFFE or
 * U+FFFF). %NULL is valid: no text. */
gboolean cx_validate_text      (const char  *text,
                                GError     **error);
/* An id: an XML NCName (letters, digits, '-', '_', '.', not starting with
 * a digit, '-' or '.') */
gboolean cx_validate_id        (const char  *id,
                                GError     **error);
/* `created` and `modified`: an ISO 8601 date and time in UTC such as
 * 2026-11-22T10:00:00Z; %NULL is valid */
gboolean cx_validate_date_time (const char  *text,
                                GError     **error);
/* The shape of a check id, "CX" and three digits (known or not) */
gboolean cx_validate_check_id_shape (const char *check);
/* A check this version knows, such as "CX005" (for editing: a file may
 * name checks of a newer version, which are kept) */
gboolean cx_validate_known_check (const char  *check,
                                  GError     **error);
/* Numbers: 0 stands for "absent" in levels only */
gboolean cx_validate_level     (int          level,
                                GError     **error);
gboolean cx_validate_emotion   (int          value,
                                GError     **error);
gboolean cx_validate_score     (int          score,
                                GError     **error);
gboolean cx_validate_threshold (const char  *name,
                                int          value,
                                GError     **error);

/* settings/accept (1.1): see the function's documentation */
gboolean cx_validate_accept    (const char  *check,
                                const char  *ref,
                                int          phase,
                                const char  *reason,
                                GError     **error);

G_END_DECLS
