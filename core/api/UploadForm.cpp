#include "UploadForm.h"

namespace tu {

QJsonObject UploadForm::fieldsJson() const
{
    QJsonObject o;
    for (auto it = fields.begin(); it != fields.end(); ++it)
        o.insert(it.key(), it.value());
    return o;
}

Result<UploadForm> uploadForm(const ApiRequest &request, const QString &missingFile)
{
    MultipartLimits limits;
    limits.maxFileBytes = request.fileLimit;
    auto form = request.multipart(limits);
    if (!form.ok())
        return form.error();
    UploadForm out;
    out.fields = form->fields;
    if (const MultipartFile *file = form->file(QStringLiteral("file")))
        out.file = *file;
    else if (!missingFile.isEmpty())
        return Error::validation({{QStringLiteral("file"), missingFile}});
    return out;
}

} // namespace tu
