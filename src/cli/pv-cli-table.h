/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

typedef enum
{
  PV_CLI_OUTPUT_TABLE,
  PV_CLI_OUTPUT_CSV,
} PvCliOutput;

gboolean    pv_cli_output_parse        (const char          *name,
                                        PvCliOutput         *output,
                                        GError             **error);

glong       pv_cli_display_width       (const char          *text);
char       *pv_cli_display_text        (const char          *text,
                                        glong                max_width);

typedef struct _PvCliTable PvCliTable;

PvCliTable *pv_cli_table_new           (const char * const  *columns,
                                        const char * const  *headings);
void        pv_cli_table_add_row       (PvCliTable          *self,
                                        const char * const  *fields);
gboolean    pv_cli_table_write         (PvCliTable          *self,
                                        PvCliOutput          output,
                                        GOutputStream       *stream,
                                        GError             **error);
char       *pv_cli_table_to_text       (PvCliTable          *self);
void        pv_cli_table_free          (PvCliTable          *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PvCliTable, pv_cli_table_free)

G_END_DECLS
