/* cx-plan-io.h — reading and writing .cxplan files
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "cx-model.h"

G_BEGIN_DECLS

#define CX_PLAN_ERROR (cx_plan_error_quark ())

typedef enum
{
  CX_PLAN_ERROR_IO,            /* the file cannot be read or written */
  CX_PLAN_ERROR_TOO_LARGE,     /* over CX_MAX_FILE_SIZE or CX_MAX_DEPTH */
  CX_PLAN_ERROR_ENCODING,      /* not UTF-8 */
  CX_PLAN_ERROR_MALFORMED,     /* not well-formed XML */
  CX_PLAN_ERROR_UNSAFE,        /* DTD, entity declaration, XInclude */
  CX_PLAN_ERROR_NOT_A_PLAN,    /* wrong root element or namespace */
  CX_PLAN_ERROR_NEWER_VERSION, /* a newer major version of the format */
  CX_PLAN_ERROR_INVALID,       /* breaks a rule of the format */
} CxPlanError;

GQuark cx_plan_error_quark (void);

/* A message about a line of the file: the refusal, or a warning of a plan
 * that was read (such as content of a newer minor version, kept as it is). */
typedef struct
{
  guint  line;
  char  *message;
} CxDiagnostic;

void cx_diagnostic_free (CxDiagnostic *diagnostic);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CxDiagnostic, cx_diagnostic_free)

/* Reading. @display_name is the file's name in messages (may be NULL:
 * "<memory>"). The GError's message reads "NAME:LINE: WHAT"; @refusal,
 * if not NULL, receives the line and WHAT apart, for callers that lay the
 * message out themselves. @warnings, if not NULL, receives a GPtrArray of
 * CxDiagnostic (never NULL on success). A read takes time linear in the
 * size of the file, whatever its shape, and stops with
 * G_IO_ERROR_CANCELLED (and no @refusal) soon after @cancellable is
 * cancelled. */
CxPlan  *cx_plan_read_from_data (const char    *data,
                                 gsize          length,
                                 const char    *display_name,
                                 GPtrArray    **warnings,
                                 CxDiagnostic **refusal,
                                 GCancellable  *cancellable,
                                 GError       **error);
CxPlan  *cx_plan_read_from_file (GFile         *file,
                                 GPtrArray    **warnings,
                                 CxDiagnostic **refusal,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* Writing: canonical bytes (one element per line, two-space indentation,
 * the format's order, a final newline). */
GBytes  *cx_plan_to_bytes       (CxPlan        *plan);

/* Saves atomically (g_file_replace: a failed save leaves the old file
 * whole) and keeps the file's permissions. */
gboolean cx_save_bytes_to_file  (GBytes        *bytes,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error);
gboolean cx_plan_save_to_file   (CxPlan        *plan,
                                 GFile         *file,
                                 GCancellable  *cancellable,
                                 GError       **error);

G_END_DECLS
