#pragma once
// The one way an upload route reads its multipart form: within the file limit its route
// declares (Route::multipartBody / jsonOrMultipartBody, which also sizes the body limit), with
// the "file" part taken out.

#include "http/Multipart.h"
#include "http/Router.h"

#include <QJsonObject>

namespace tu {

struct UploadForm {
    QHash<QString, QString> fields;
    MultipartFile file; // file.file is null when there is no "file" part (only when it is optional)
    bool hasFile() const { return bool(file.file); }
    QJsonObject fieldsJson() const; // the text fields as a JSON object (service input)
};

// PAYLOAD_TOO_LARGE (413) for a file over the route's limit, VALIDATION_ERROR for a malformed
// form, and VALIDATION_ERROR on `file` saying `missingFile` when there is no file part. An
// empty `missingFile` makes the file optional.
Result<UploadForm> uploadForm(const ApiRequest &request, const QString &missingFile);

} // namespace tu
