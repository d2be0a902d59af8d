app_name = "children_in_care"

urlpatterns: list = []
