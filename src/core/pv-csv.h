/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define PV_CSV_ERROR (pv_csv_error_quark ())

typedef enum
{
  PV_CSV_ERROR_ENCODING,
  PV_CSV_ERROR_QUOTE,
  PV_CSV_ERROR_EMPTY,
  PV_CSV_ERROR_MISSING_COLUMN,
  PV_CSV_ERROR_DUPLICATE_COLUMN,
  PV_CSV_ERROR_TOO_LARGE,
} PvCsvError;

GQuark pv_csv_error_quark (void);

#define PV_TYPE_CSV_READER (pv_csv_reader_get_type ())

G_DECLARE_FINAL_TYPE (PvCsvReader, pv_csv_reader, PV, CSV_READER, GObject)

PvCsvReader *pv_csv_reader_new              (GBytes              *data,
                                             const char          *name);
const char  *pv_csv_reader_get_name         (PvCsvReader         *self);
guint        pv_csv_reader_get_line         (PvCsvReader         *self);
gboolean     pv_csv_reader_read_row         (PvCsvReader         *self,
                                             GStrv               *row,
                                             GError             **error);
gboolean     pv_csv_reader_read_header      (PvCsvReader         *self,
                                             const char * const  *required,
                                             GError             **error);
int          pv_csv_reader_get_column       (PvCsvReader         *self,
                                             const char          *name);
const char  *pv_csv_row_get                 (const char * const  *row,
                                             int                  column);

#define PV_TYPE_CSV_WRITER (pv_csv_writer_get_type ())

G_DECLARE_FINAL_TYPE (PvCsvWriter, pv_csv_writer, PV, CSV_WRITER, GObject)

PvCsvWriter *pv_csv_writer_new              (GOutputStream       *stream);
void         pv_csv_writer_set_guard_formulas (PvCsvWriter       *self,
                                               gboolean           guard);
gboolean     pv_csv_writer_write_row        (PvCsvWriter         *self,
                                             const char * const  *fields,
                                             GError             **error);
char        *pv_csv_quote_field             (const char          *field,
                                             gboolean             guard_formulas);

G_END_DECLS
